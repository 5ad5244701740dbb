"use client";
import Link from "next/link";
import type { CallView } from "@/lib/client/call/use-call-session";
import type { LocalMedia } from "@/lib/client/use-local-media";
import { CallControls } from "./CallControls";
import { useCallShortcuts } from "./use-call-shortcuts";
import { VideoTile } from "./VideoTile";

interface CallStageProps {
  call: CallView;
  /** The pre-call connectivity check, linked from the prejoin screen and from failures. */
  checkHref: string;
  local: LocalMedia;
  otherName: string | null;
  otherStatus: "away" | "here" | "in-call";
  disabled: boolean;
}

export function CallStage({ call, checkHref, local, otherName, otherStatus, disabled }: CallStageProps) {
  useCallShortcuts(local.toggleAudio, local.toggleVideo);
  const inCall = call.phase !== "idle" && call.phase !== "joining";
  const peerName = call.peer?.user.name ?? otherName ?? "Guest";

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
              className="h-full w-full"
            />
          ) : (
            <div className="flex h-full w-full items-center justify-center rounded-xl bg-slate-900 p-6 text-center text-sm text-slate-300">
              {otherName ? `Waiting for ${otherName} to join…` : "Waiting for your guest. Send them the room link."}
            </div>
          ))}
        {/* One element for the preview, full size before the call and small during it: moved,
            a <video> would be torn down and set up again the moment the call starts. */}
        <div className={inCall ? "absolute bottom-3 right-3 aspect-video w-1/3 max-w-60 rounded-xl border-2 border-slate-800 shadow-lg" : "h-full w-full"}>
          <VideoTile testId="local-video" stream={local.stream} label="You" local videoOff={!local.media.video} audioOff={!local.media.audio} className="h-full w-full" />
        </div>
      </div>
      <CallStatus call={call} checkHref={checkHref} local={local} otherName={otherName} otherStatus={otherStatus} inCall={inCall} />
      <CallControls
        media={local.media}
        inCall={inCall}
        joining={call.phase === "joining"}
        joinDisabled={disabled || local.status === "requesting"}
        onToggleAudio={local.toggleAudio}
        onToggleVideo={local.toggleVideo}
        onJoin={call.join}
        onLeave={call.leave}
      />
    </section>
  );
}

function CallStatus({ call, checkHref, local, otherName, otherStatus, inCall }: Omit<CallStageProps, "disabled"> & { inCall: boolean }) {
  if (local.status === "error") {
    return (
      <p role="alert" className="text-center text-sm text-red-700 dark:text-red-300">
        {local.error}{" "}
        <button type="button" onClick={local.retry} className="underline">
          Try again
        </button>
        {" "}— you can still join and listen.
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
          <button type="button" onClick={call.retry} className="underline">
            Try again
          </button>
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
  else text = otherName && otherStatus === "in-call" ? `${otherName} is in the call. Join when you're ready.` : "Check your camera and microphone, then join.";
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
