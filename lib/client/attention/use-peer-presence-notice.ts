"use client";
import { useEffect, useRef, useState } from "react";
import { playChime } from "./chime";

export interface PeerPresence {
  name: string;
  inCall: boolean;
}

/** Long enough to read at a glance mid-conversation. */
const NOTICE_MS = 6_000;

/**
 * "Ben joined the call" / "Ben left the call": a notice for a few seconds, and a short tone
 * when `sounds` is on. Driven by the room's presence, so it works before joining too.
 * `other` is undefined until the first presence arrives: that one is the state of things, not news.
 */
export function usePeerPresenceNotice(other: PeerPresence | null | undefined, sounds: boolean): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  const previous = useRef<{ name: string | null; inCall: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soundsRef = useRef(sounds);
  useEffect(() => {
    soundsRef.current = sounds;
  }, [sounds]);

  const known = other !== undefined;
  const inCall = other?.inCall ?? false;
  const name = other?.name ?? null;
  useEffect(() => {
    if (!known) return;
    const before = previous.current;
    previous.current = { name: name ?? before?.name ?? null, inCall };
    if (!before || before.inCall === inCall) return;
    const who = name ?? before.name ?? "The other person";
    setNotice(inCall ? `${who} joined the call` : `${who} left the call`);
    if (soundsRef.current) playChime(inCall ? "join" : "leave");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, [known, inCall, name]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return notice;
}
