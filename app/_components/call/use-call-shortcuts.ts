"use client";
import { useEffect } from "react";

export interface CallShortcutHandlers {
  onToggleAudio(): void;
  onToggleVideo(): void;
  onShowHelp(): void;
}

/** What the help dialog lists: one table, so the dialog and the handler cannot disagree. */
export const CALL_SHORTCUTS = [
  { keys: ["Ctrl", "D"], mac: ["⌘", "D"], does: "Mute or unmute your microphone" },
  { keys: ["Ctrl", "E"], mac: ["⌘", "E"], does: "Turn your camera off or on" },
  { keys: ["?"], mac: ["?"], does: "Show these shortcuts (not while typing)" },
  { keys: ["Esc"], mac: ["Esc"], does: "Close this list" },
] as const;

/** A text field, select or editable element has focus: single keys there are typing, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "range", "color", "file", "submit", "reset", "image"].includes(target.type);
}

/**
 * Ctrl/⌘+D mutes and Ctrl/⌘+E turns the camera off (the shortcuts people know from Google
 * Meet), from anywhere on the page; "?" lists the shortcuts, except while typing, where "?" is
 * just a question mark.
 */
export function useCallShortcuts({ onToggleAudio, onToggleVideo, onShowHelp }: CallShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (isTyping(event.target)) return;
        event.preventDefault();
        onShowHelp();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === "d") onToggleAudio();
      else if (key === "e") onToggleVideo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onToggleAudio, onToggleVideo, onShowHelp]);
}
