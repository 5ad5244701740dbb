"use client";
import { useEffect, useRef } from "react";
import type { TRoomSocket } from "../room-socket";
import { createReadMarker } from "./read-marker";

const isVisible = () => document.visibilityState === "visible";

/** Keeps the member's "last read" marker of the room current while the page shows it (see createReadMarker). */
export function useReadMarker(roomId: string, socket: TRoomSocket | null): void {
  const markerRef = useRef<ReturnType<typeof createReadMarker> | null>(null);

  useEffect(() => {
    const marker = createReadMarker(roomId);
    markerRef.current = marker;
    const onVisibility = () => (isVisible() ? marker.shown() : marker.hidden());
    if (isVisible()) marker.shown();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      marker.hidden();
      markerRef.current = null;
    };
  }, [roomId]);

  useEffect(() => {
    if (!socket) return;
    const onMessage = () => markerRef.current?.messageArrived(isVisible());
    socket.on("chat:message", onMessage);
    return () => {
      socket.off("chat:message", onMessage);
    };
  }, [socket]);
}
