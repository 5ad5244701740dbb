"use client";
import { useEffect, useState } from "react";
import { connectRoomSocket, type TRoomSocket } from "./room-socket";

export type TSocketStatus = "connecting" | "connected" | "reconnecting" | "replaced" | "refused";

/** The room's socket for as long as the component is mounted, with its connection status. */
export function useRoomSocket(roomId: string): { socket: TRoomSocket | null; status: TSocketStatus } {
  const [socket, setSocket] = useState<TRoomSocket | null>(null);
  const [status, setStatus] = useState<TSocketStatus>("connecting");

  useEffect(() => {
    const next = connectRoomSocket(roomId);
    let replaced = false;
    next.on("connect", () => setStatus("connected"));
    next.on("session:replaced", () => {
      replaced = true;
      setStatus("replaced");
    });
    next.on("server:shutdown", () => setStatus("reconnecting"));
    next.on("disconnect", (reason) => {
      if (replaced) return;
      // The server closing the socket (other than to replace it) means we are no longer admitted.
      setStatus(reason === "io server disconnect" ? "refused" : "reconnecting");
    });
    next.on("connect_error", () => {
      if (!next.active) setStatus("refused");
      else setStatus((current) => (current === "connected" ? "reconnecting" : current));
    });
    setSocket(next);
    return () => {
      next.removeAllListeners();
      next.disconnect();
    };
  }, [roomId]);

  return { socket, status };
}
