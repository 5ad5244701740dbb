"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { TChatMessage } from "@/lib/shared/message";
import type { TPublicUser } from "@/lib/shared/user";
import { ChatOutbox, type TOutboxSnapshot, type TOutboxSocket } from "./chat-outbox";

const NO_OUTBOX: TOutboxSnapshot = { entries: [], online: false, persistent: true };
const subscribeToNothing = () => () => {};
const noSnapshot = () => NO_OUTBOX;

/**
 * This user's outbox for the room while a socket exists, and its state. The outbox owns the
 * protocol; this only creates it, hands stored messages on, and subscribes.
 */
export function useChatOutbox(
  socket: TOutboxSocket | null,
  roomId: string | null,
  user: TPublicUser,
  onStored: (message: TChatMessage) => void,
): { outbox: ChatOutbox | null; snapshot: TOutboxSnapshot } {
  const [outbox, setOutbox] = useState<ChatOutbox | null>(null);
  const latestOnStored = useRef(onStored);
  useEffect(() => {
    latestOnStored.current = onStored;
  });
  const { id: userId, name: userName } = user;

  useEffect(() => {
    if (!socket || !roomId) return;
    const next = new ChatOutbox({ socket, roomId, user: { id: userId, name: userName } });
    // Acks are asynchronous, so this listener is in place before the first can arrive.
    next.onStored((message) => latestOnStored.current(message));
    // The outbox wraps this socket, so it is made here and published once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishing an external object made by this effect
    setOutbox(next);
    return () => {
      next.dispose();
      setOutbox(null);
    };
  }, [socket, roomId, userId, userName]);

  const snapshot = useSyncExternalStore(outbox?.subscribe ?? subscribeToNothing, outbox?.getSnapshot ?? noSnapshot, noSnapshot);
  return { outbox, snapshot };
}
