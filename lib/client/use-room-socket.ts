"use client";
import { useEffect, useState } from "react";
import type { TRoomClosedReason } from "@/lib/shared/realtime-events";
import { readConnectRefusal } from "./describe-connect-error";
import { connectRoomSocket, type TRoomSocket } from "./room-socket";

export type TSocketStatus = "connecting" | "connected" | "reconnecting" | "replaced" | "refused";

export interface TRoomConnection {
  socket: TRoomSocket | null;
  status: TSocketStatus;
  refusal: string | null;
  /** Set when this person may no longer be in the room (removed, left, room deleted): the socket is closed for good. */
  closed: TRoomClosedReason | null;
}

/** The room's socket for as long as the component is mounted, with its connection status. */
export function useRoomSocket(roomId: string): TRoomConnection {
  const [socket, setSocket] = useState<TRoomSocket | null>(null);
  const [status, setStatus] = useState<TSocketStatus>("connecting");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [closed, setClosed] = useState<TRoomClosedReason | null>(null);

  useEffect(() => {
    const next = connectRoomSocket(roomId);
    // Set when the server said why it is closing this connection; its disconnect then needs no guess.
    let closeExplained = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    next.on("connect", () => {
      setStatus("connected");
      setRefusal(null);
    });
    next.on("session:replaced", () => {
      closeExplained = true;
      setStatus("replaced");
    });
    next.on("session:ended", () => {
      closeExplained = true;
      setRefusal("You were signed out of Duet. Sign in again to come back to this room.");
      setStatus("refused");
    });
    next.on("room:closed", ({ reason }) => {
      closeExplained = true;
      setClosed(reason);
    });
    next.on("server:shutdown", () => setStatus("reconnecting"));
    next.on("disconnect", (reason) => {
      if (closeExplained) return;
      // The server closing the socket (other than to replace it) means we are no longer admitted.
      setStatus(reason === "io server disconnect" ? "refused" : "reconnecting");
    });
    next.on("connect_error", (error) => {
      // Read now: a refused long-polling handshake's body is gone once this listener returns.
      const refused = readConnectRefusal(error);
      if (refused) {
        // A wrong address or an ended session won't fix itself by retrying; a rate limit lifts
        // when it says, and retrying before then would only spend more of the allowance.
        next.disconnect();
        setRefusal(refused.message);
        setStatus("refused");
        if (refused.retryAfterMs !== null) retry = setTimeout(() => next.connect(), refused.retryAfterMs);
      } else if (!next.active) setStatus("refused");
      else setStatus((current) => (current === "connected" ? "reconnecting" : current));
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishing the socket this effect made, listeners attached
    setSocket(next);
    return () => {
      clearTimeout(retry);
      next.removeAllListeners();
      next.disconnect();
    };
  }, [roomId]);

  return { socket, status, refusal, closed };
}
