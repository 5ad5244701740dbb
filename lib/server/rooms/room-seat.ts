import { ROOM_ID_PATTERN } from "@/lib/shared/paths";
import { ROOM_CAPACITY, type TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

export interface TRoomSeat {
  room: TRoomSummary;
  /** "member": already in the room; "free": the guest seat is free and this person may take it. */
  seat: "member" | "free";
}

/**
 * Where someone holding a room's link stands: in the room, or free to take its guest seat.
 * null for an absent room, a full one, and a room whose owner removed this person: the three
 * must look alike to them.
 */
export async function findRoomSeat(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TRoomSeat | null> {
  if (!ROOM_ID_PATTERN.test(roomId)) return null;
  const row = await db.room.findUnique({
    where: { id: roomId },
    select: { ...ROOM_SUMMARY_SELECT, removedGuests: { where: { userId }, select: { userId: true } } },
  });
  if (!row) return null;
  const room = toRoomSummary(row);
  if (room.members.some((member) => member.id === userId)) return { room, seat: "member" };
  if (room.members.length >= ROOM_CAPACITY || row.removedGuests.length > 0) return null;
  return { room, seat: "free" };
}
