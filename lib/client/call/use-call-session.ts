"use client";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TMediaState } from "@/lib/shared/realtime-events";
import type { TRoomSocket } from "../room-socket";
import { CallSession, IDLE_CALL, type TCallSnapshot } from "./call-session";

export interface CallView extends TCallSnapshot {
  join(): void;
  leave(): void;
  /** Leave and join again: a fresh call after a failure. */
  retry(): void;
  /** getStats() of the call's peer connection; null outside a call. */
  getStats(): Promise<RTCStatsReport | null>;
}

const noSubscription = () => () => {};
const idle = () => IDLE_CALL;
const noStats = async () => null;

/**
 * The room's call session for as long as its socket lives, fed the local stream and media
 * state. It does not re-render the caller on the call's changes: useCallView does that, in
 * the component that shows the call, so the rest of the room is not rendered again at every
 * step of a call being set up, while the page's main thread is what the call waits on.
 */
export function useCallSession(socket: TRoomSocket | null, roomId: string, localStream: MediaStream | null, media: TMediaState): CallSession | null {
  const [session, setSession] = useState<CallSession | null>(null);

  useEffect(() => {
    if (!socket) return;
    const created = new CallSession(socket, roomId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishing the session this effect made
    setSession(created);
    return () => {
      created.dispose();
      setSession(null);
    };
  }, [socket, roomId]);

  useEffect(() => session?.setLocalStream(localStream), [session, localStream]);
  useEffect(() => session?.setMedia(media), [session, media]);
  return session;
}

/** The call as the component showing it sees it; it re-renders on the call's changes. */
export function useCallView(session: CallSession | null): CallView {
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? idle, idle);
  const actions = useMemo(
    () => ({
      join: () => void session?.join(),
      leave: () => session?.leave(),
      retry: () => {
        session?.leave();
        void session?.join();
      },
      getStats: session?.getStats ?? noStats,
    }),
    [session],
  );
  return { ...snapshot, ...actions };
}
