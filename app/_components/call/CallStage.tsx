"use client";
import type { CallState } from "@/lib/client/use-call";
import type { LocalMedia } from "@/lib/client/use-local-media";
import { CallControls } from "./CallControls";
import { useCallShortcuts } from "./use-call-shortcuts";
import { VideoTile } from "./VideoTile";

interface CallStageProps {
  call: CallState;
  local: LocalMedia;
  otherName: string | null;
  otherStatus: "away" | "here" | "in-call";
  disabled: boolean;
}

export function CallStage({ call, local, otherName, otherStatus, disabled }: CallStageProps) {
  useCallShortcuts(local.toggleAudio, local.toggleVideo);
  const inCall = call.status !== "idle" && call.status !== "joining";
  const peerName = call.peer?.user.name ?? otherName ?? "Guest";

  return (
    <section aria-label="Call" className="flex flex-col gap-3">
      <div className="relative aspect-video w-full">
        {inCall ? (
          <>
            {call.peer ? (
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
            )}
            <div className="absolute bottom-3 right-3 aspect-video w-1/3 max-w-60 rounded-xl border-2 border-slate-800 shadow-lg">
              <VideoTile testId="local-video" stream={local.stream} label="You" local videoOff={!local.media.video} audioOff={!local.media.audio} className="h-full w-full" />
            </div>
          </>
        ) : (
          <VideoTile testId="local-video" stream={local.stream} label="You" local videoOff={!local.media.video} audioOff={!local.media.audio} className="h-full w-full" />
        )}
      </div>
      <CallStatus call={call} local={local} otherName={otherName} otherStatus={otherStatus} inCall={inCall} />
      <CallControls
        media={local.media}
        inCall={inCall}
        joining={call.status === "joining"}
        joinDisabled={disabled || local.status === "requesting"}
        onToggleAudio={local.toggleAudio}
        onToggleVideo={local.toggleVideo}
        onJoin={call.join}
        onLeave={call.leave}
      />
    </section>
  );
}

function CallStatus({ call, local, otherName, otherStatus, inCall }: Omit<CallStageProps, "disabled"> & { inCall: boolean }) {
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
  let text: string;
  if (call.status === "stalled") text = stalledExplanation(call.error);
  else if (call.status === "connecting") text = `Connecting to ${call.peer?.user.name ?? "your guest"}…${call.error ? ` (${call.error})` : ""}`;
  else if (call.status === "connected") text = `In a call with ${call.peer?.user.name ?? "your guest"}`;
  else if (inCall) text = call.notice ?? "You're in the call.";
  else if (call.error) text = call.error;
  else if (local.status === "requesting") text = "Starting your camera and microphone…";
  else text = otherName && otherStatus === "in-call" ? `${otherName} is in the call. Join when you're ready.` : "Check your camera and microphone, then join.";
  return (
    <p role="status" data-testid="call-status" className="text-center text-sm text-slate-600 dark:text-slate-400">
      {text}
    </p>
  );
}

function stalledExplanation(error: string | null): string {
  const detail = error ? ` (${error})` : "";
  if (error && /\b401\b/.test(error)) {
    return `The call can't connect: the relay server refused Duet's credentials${detail}. Ask your Duet operator to check that TURN_SECRET matches the TURN server's and that both clocks are right.`;
  }
  return `The call can't connect.${detail} A firewall may be blocking it.`;
}
