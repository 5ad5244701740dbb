"use client";
import { useEffect } from "react";

/** Ctrl/⌘+D mutes, Ctrl/⌘+E turns the camera off: the shortcuts people know from other call apps. */
export function useCallShortcuts(onToggleAudio: () => void, onToggleVideo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === "d") onToggleAudio();
      else if (key === "e") onToggleVideo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onToggleAudio, onToggleVideo]);
}
