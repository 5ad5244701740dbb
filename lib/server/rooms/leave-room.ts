import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";
import { requireRole } from "./require-role";
import { roomUnavailable } from "./room-unavailable";

/**
 * The guest gives up their seat: the room and its history are no longer theirs, their messages
 * stay in it, and the link would let them (or anyone) ask to join again. Returns the room as
 * the owner now has it.
 */
export async function leaveRoom(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TRoomSummary> {
  await requireRole(db, { roomId, userId, role: "guest", refusal: "You own this room, so you can't leave it. Delete it instead." });
  const { count } = await db.membership.deleteMany({ where: { roomId, userId, role: "guest" } });
  // Removed or deleted meanwhile (from another tab or by the owner): not theirs either way.
  if (count === 0) throw roomUnavailable();
  const room = await db.room.findUnique({ where: { id: roomId }, select: ROOM_SUMMARY_SELECT });
  if (!room) throw roomUnavailable();
  return toRoomSummary(room);
}
