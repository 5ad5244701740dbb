"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { prepareChime } from "@/lib/client/attention/chime";
import { useCallQuality } from "@/lib/client/call/use-call-quality";
import type { CallSession } from "@/lib/client/call/call-session";
import { useCallView, type CallView } from "@/lib/client/call/use-call-session";
import type { TDeviceKind } from "@/lib/client/media/device-choice";
import type { ScreenShare } from "@/lib/client/media/use-screen-share";
import type { Speaker } from "@/lib/client/media/use-speaker";
import type { LocalMedia } from "@/lib/client/use-local-media";
import { CallAnnouncer } from "./CallAnnouncer";
import { CallControls } from "./CallControls";
import { DevicePickers } from "./DevicePickers";
import { QualityIndicator } from "./QualityIndicator";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { useCallShortcuts } from "./use-call-shortcuts";
import { VideoTile } from "./VideoTile";

interface CallStageProps {
  /** The room's call; this component alone re-renders on its changes. */
  callSession: CallSession | null;
  /** The pre-call connectivity check, linked from the prejoin screen and from failures. */
  checkHref: string;
  local: LocalMedia;
  otherName: string | null;
  otherStatus: "away" | "here" | "in-call";
  disabled: boolean;
  /** What the call sends and the preview shows: the camera, or the shared screen in its place. */
  outgoing: MediaStream | null;
  screen: ScreenShare;
  speaker: Speaker;
  /** "Ben joined the call", for a few seconds after it happened. */
  presenceNotice: string | null;
  sounds: boolean;
  onSoundsChange(enabled: boolean): void;
}

export function CallStage(props: CallStageProps) {
  const { callSession, local, otherName, disabled, outgoing, screen, speaker, presenceNotice } = props;
  const call = useCallView(callSession);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const statusBox = useRef<HTMLDivElement>(null);
  const focusStatus = useCallback(() => statusBox.current?.focus(), []);
  const openShortcuts = useCallback(() => setShowShortcuts(true), []);
  const closeShortcuts = useCallback(() => setShowShortcuts(false), []);
  useCallShortcuts({ onToggleAudio: local.toggleAudio, onToggleVideo: local.toggleVideo, onShowHelp: openShortcuts });
  const inCall = call.phase !== "idle" && call.phase !== "joining";
  const peerName = call.peer?.user.name ?? otherName ?? "Guest";
  const quality = useCallQuality(call.phase, call.getStats);
  const sharing = screen.track !== null;
  // However the call ended (left, moved to another tab, signed out elsewhere), the screen is no
  // longer being shown to anyone: stop capturing it. Its toggle is gone with the call.
  const { stop: stopSharing } = screen;
  useEffect(() => {
    if (!inCall && sharing) stopSharing();
  }, [inCall, sharing, stopSharing]);
  const deviceNotice = speaker.notice ?? local.deviceNotice;
  // Stable between the call's steps, so the memoised pickers are not rendered again at each one.
  const chosenDevices = useMemo(() => ({ ...local.inUse, audiooutput: speaker.sinkId }), [local.inUse, speaker.sinkId]);
  const { chooseInput } = local;
  const { choose: chooseSpeaker } = speaker;
  const chooseDevice = useCallback(
    (kind: TDeviceKind, deviceId: string) => (kind === "audiooutput" ? chooseSpeaker(deviceId) : void chooseInput(kind, deviceId)),
    [chooseInput, chooseSpeaker],
  );
  const join = () => {
    call.join();
    // A task later, so the join is on the wire first: the joiner's page waits for the offer then.
    if (props.sounds) setTimeout(prepareChime, 0);
  };

  return (
    <section aria-label="Call" className="flex flex-col gap-3">
      <div className="relative aspect-video w-full">
        {inCall &&
          (call.peer ? (
            <VideoTile
              testId="remote-video"
              stream={call.remoteStream}
              label={peerName}
              videoOff={!call.peer.media.video}
              audioOff={!call.peer.media.audio}
              sinkId={speaker.supported ? speaker.sinkId : undefined}
              className="h-full w-full"
            />
          ) : (
            <div className="flex h-full w-full items-center justify-center rounded-xl bg-slate-900 p-6 text-center text-sm text-slate-300">
              {otherName ? `Waiting for ${otherName} to join…` : "Waiting for your guest. Send them the room link."}
            </div>
          ))}
        {/* One element for the preview, full size before the call and small during it: moved,
            a <video> would be torn down and set up again the moment the call starts. */}
        <div
          className={
            inCall ? "absolute bottom-3 right-3 aspect-video w-1/3 max-w-60 rounded-xl border-2 border-slate-800 shadow-lg" : "h-full w-full"
          }
        >
          <VideoTile
            testId="local-video"
            stream={outgoing}
            label={sharing ? "Your screen" : "You"}
            local
            mirror={!sharing}
            videoOff={!sharing && (!local.media.video || !local.stream?.getVideoTracks().length)}
            audioOff={!local.media.audio}
            className="h-full w-full"
          />
        </div>
      </div>
      {presenceNotice && (
        <p data-testid="presence-notice" className="self-center rounded-full bg-slate-800 px-3 py-1 text-sm text-white">
          {presenceNotice}
        </p>
      )}
      {/* Focus lands here after a "Try again", whose button goes away with the problem it was for. */}
      <div ref={statusBox} tabIndex={-1} className="outline-none">
        <CallStatus {...props} call={call} inCall={inCall} onRetried={focusStatus} />
      </div>
      {inCall && <QualityIndicator summary={quality} />}
      <CallControls
        media={local.media}
        inCall={inCall}
        joining={call.phase === "joining"}
        joinDisabled={disabled || local.status === "requesting"}
        sharing={sharing}
        shareStarting={screen.starting}
        onToggleAudio={local.toggleAudio}
        onToggleVideo={local.toggleVideo}
        onToggleShare={sharing ? screen.stop : () => void screen.start()}
        onShowShortcuts={openShortcuts}
        onJoin={join}
        onLeave={call.leave}
      />
      {(deviceNotice || screen.error) && (
        <p role="alert" data-testid="device-notice" className="text-center text-sm text-amber-800 dark:text-amber-300">
          {deviceNotice ?? screen.error}
        </p>
      )}
      <DevicePickers
        devices={local.devices}
        chosen={chosenDevices}
        onChoose={chooseDevice}
        canChooseSpeaker={speaker.supported}
        sounds={props.sounds}
        onSoundsChange={props.onSoundsChange}
      />
      <CallAnnouncer
        presenceNotice={presenceNotice}
        reconnecting={call.phase === "reconnecting"}
        muted={!local.media.audio}
        cameraOff={!local.media.video}
        sharing={sharing}
        deviceNotice={deviceNotice}
      />
      <ShortcutsDialog open={showShortcuts} onClose={closeShortcuts} />
    </section>
  );
}

function CallStatus({
  call,
  checkHref,
  local,
  otherName,
  otherStatus,
  inCall,
  onRetried,
}: Pick<CallStageProps, "checkHref" | "local" | "otherName" | "otherStatus"> & { call: CallView; inCall: boolean; onRetried(): void }) {
  if (local.status === "error") {
    return (
      <p role="alert" className="text-center text-sm text-red-700 dark:text-red-300">
        {local.error} <TryAgain retry={local.retry} onRetried={onRetried} /> — you can still join and listen.
      </p>
    );
  }
  const peerName = call.peer?.user.name ?? otherName ?? "your guest";
  if (call.phase === "failed" && call.problem) {
    return (
      <div role="alert" className="space-y-1 text-center text-sm text-red-700 dark:text-red-300">
        <p data-testid="call-status" data-problem={call.problem.kind}>
          {call.problem.message}
        </p>
        <p className="space-x-3">
          <TryAgain retry={call.retry} onRetried={onRetried} />
          <Link href={checkHref} className="underline">
            Check your connection
          </Link>
        </p>
      </div>
    );
  }
  let text: string;
  if (call.phase === "reconnecting") text = `Reconnecting to ${peerName}…`;
  else if (call.phase === "connecting") text = `Connecting to ${peerName}…`;
  else if (call.phase === "connected") text = `In a call with ${peerName}`;
  else if (inCall) text = call.notice ?? "You're in the call.";
  else if (call.notice) text = call.notice;
  else if (local.status === "requesting") text = "Starting your camera and microphone…";
  else
    text =
      otherName && otherStatus === "in-call"
        ? `${otherName} is in the call. Join when you're ready.`
        : "Check your camera and microphone, then join.";
  return (
    <div className="space-y-1 text-center text-sm text-slate-600 dark:text-slate-400">
      <p role="status" data-testid="call-status">
        {text}
      </p>
      {!inCall && call.phase !== "joining" && (
        <p>
          <Link href={checkHref} className="text-brand-600 hover:underline dark:text-brand-400">
            Will calls work from this network? Check your connection
          </Link>
        </p>
      )}
    </div>
  );
}

function TryAgain({ retry, onRetried }: { retry(): void; onRetried(): void }) {
  const onClick = () => {
    retry();
    onRetried();
  };
  return (
    <button type="button" onClick={onClick} className="underline">
      Try again
    </button>
  );
}
