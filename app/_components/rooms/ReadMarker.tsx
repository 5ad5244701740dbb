"use client";
import { useReadMarker } from "@/lib/client/rooms/use-read-marker";

/** Marks the room read while a page showing its messages (the history) is on screen; renders nothing. */
export function ReadMarker({ roomId }: { roomId: string }) {
  useReadMarker(roomId, null);
  return null;
}
