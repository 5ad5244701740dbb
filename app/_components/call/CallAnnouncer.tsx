"use client";
import { useEffect, useRef, useState } from "react";

export interface AnnouncedState {
  /** The other person's arrival or departure, in words (or null). */
  presenceNotice: string | null;
  reconnecting: boolean;
  muted: boolean;
  cameraOff: boolean;
  sharing: boolean;
  deviceNotice: string | null;
}

/** What changed between two states, in words; nothing for the first state (that is not news). */
export function describeChanges(before: AnnouncedState, now: AnnouncedState): string[] {
  const said: string[] = [];
  if (now.presenceNotice && now.presenceNotice !== before.presenceNotice) said.push(now.presenceNotice);
  if (now.reconnecting !== before.reconnecting) said.push(now.reconnecting ? "Connection lost, reconnecting" : "Reconnected");
  if (now.muted !== before.muted) said.push(now.muted ? "Microphone muted" : "Microphone on");
  if (now.cameraOff !== before.cameraOff) said.push(now.cameraOff ? "Camera off" : "Camera on");
  if (now.sharing !== before.sharing) said.push(now.sharing ? "You are sharing your screen" : "Screen sharing stopped");
  if (now.deviceNotice && now.deviceNotice !== before.deviceNotice) said.push(now.deviceNotice);
  return said;
}

/**
 * A live region for screen readers: status changes (the other person joined or left,
 * reconnecting, muted, camera off, sharing) are read out as they happen, politely.
 */
export function CallAnnouncer(state: AnnouncedState) {
  const [message, setMessage] = useState("");
  const previous = useRef<AnnouncedState | null>(null);
  const { presenceNotice, reconnecting, muted, cameraOff, sharing, deviceNotice } = state;

  useEffect(() => {
    const now = { presenceNotice, reconnecting, muted, cameraOff, sharing, deviceNotice };
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const said = describeChanges(before, now);
    if (said.length > 0) setMessage(said.join(". "));
  }, [presenceNotice, reconnecting, muted, cameraOff, sharing, deviceNotice]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="call-announcer">
      {message}
    </div>
  );
}
