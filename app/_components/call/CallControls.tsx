"use client";
import type { TMediaState } from "@/lib/shared/realtime-events";
import { ToggleButton, controlButtonClass } from "./ToggleButton";

interface CallControlsProps {
  media: TMediaState;
  inCall: boolean;
  joining: boolean;
  joinDisabled: boolean;
  sharing: boolean;
  shareStarting: boolean;
  onToggleAudio(): void;
  onToggleVideo(): void;
  onToggleShare(): void;
  onShowShortcuts(): void;
  onJoin(): void;
  onLeave(): void;
}

/** Mic, camera, screen, join and hang up. Ctrl/⌘+D toggles the mic, Ctrl/⌘+E the camera, "?" lists them. */
export function CallControls(props: CallControlsProps) {
  const {
    media,
    inCall,
    joining,
    joinDisabled,
    sharing,
    shareStarting,
    onToggleAudio,
    onToggleVideo,
    onToggleShare,
    onShowShortcuts,
    onJoin,
    onLeave,
  } = props;
  return (
    <div role="toolbar" aria-label="Call controls" className="flex flex-wrap items-center justify-center gap-2">
      <ToggleButton
        label={media.audio ? "Mute" : "Unmute"}
        pressed={!media.audio}
        pressedLook="alarm"
        onToggle={onToggleAudio}
        keyShortcuts="Control+D"
        title="Mute or unmute (Ctrl+D)"
      />
      <ToggleButton
        label={media.video ? "Camera off" : "Camera on"}
        pressed={!media.video}
        pressedLook="alarm"
        onToggle={onToggleVideo}
        keyShortcuts="Control+E"
        title="Camera on or off (Ctrl+E)"
      />
      {inCall && (
        <ToggleButton
          label={sharing ? "Stop sharing" : shareStarting ? "Choosing a screen…" : "Share screen"}
          pressed={sharing}
          pressedLook="ring"
          onToggle={onToggleShare}
          disabled={shareStarting}
        />
      )}
      {inCall ? (
        <button type="button" onClick={onLeave} className="rounded-full bg-red-600 px-5 py-2 text-sm font-semibold text-white hover:bg-red-700">
          Leave call
        </button>
      ) : (
        <button
          type="button"
          onClick={onJoin}
          disabled={joinDisabled || joining}
          className="rounded-full bg-emerald-700 px-5 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {joining ? "Joining…" : "Join call"}
        </button>
      )}
      <button
        type="button"
        onClick={onShowShortcuts}
        aria-keyshortcuts="Shift+?"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        className={controlButtonClass(false)}
      >
        ?
      </button>
    </div>
  );
}
