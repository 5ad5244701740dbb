"use client";
import type { TMediaState } from "@/lib/shared/realtime-events";

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

const toggleClass = (on: boolean) =>
  `rounded-full px-4 py-2 text-sm font-medium ${on ? "bg-slate-200 text-slate-900 hover:bg-slate-300 dark:bg-slate-700 dark:text-white dark:hover:bg-slate-600" : "bg-red-600 text-white hover:bg-red-700"}`;

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
      <button
        type="button"
        aria-pressed={!media.audio}
        onClick={onToggleAudio}
        className={toggleClass(media.audio)}
        aria-keyshortcuts="Control+D"
        title="Mute or unmute (Ctrl+D)"
      >
        {media.audio ? "Mute" : "Unmute"}
      </button>
      <button
        type="button"
        aria-pressed={!media.video}
        onClick={onToggleVideo}
        className={toggleClass(media.video)}
        aria-keyshortcuts="Control+E"
        title="Camera on or off (Ctrl+E)"
      >
        {media.video ? "Camera off" : "Camera on"}
      </button>
      {inCall && (
        <button
          type="button"
          aria-pressed={sharing}
          onClick={onToggleShare}
          disabled={shareStarting}
          className={`${toggleClass(true)} ${sharing ? "ring-2 ring-emerald-500" : ""}`}
        >
          {sharing ? "Stop sharing" : shareStarting ? "Choosing a screen…" : "Share screen"}
        </button>
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
        className={toggleClass(true)}
      >
        ?
      </button>
    </div>
  );
}
