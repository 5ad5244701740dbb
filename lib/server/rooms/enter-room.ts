import { AppError } from "@/lib/shared/errors";
import { ROOM_CAPACITY, ROOM_ID_PATTERN, type TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { isUniqueViolation } from "../db/is-unique-violation";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

export interface EnterRoomOptions {
  roomId: string;
  userId: string;
}

/** Unknown and full rooms answer alike, so a link's existence can't be probed. */
export const ROOM_UNAVAILABLE = "This room is for two people: it already has both, or the link is wrong.";

/**
 * Opens a room for a user: a member gets it as it is; while the room has a free seat,
 * the first other person to open the link takes it as the guest.
 */
export async function enterRoom(db: TDbClient, { roomId, userId }: EnterRoomOptions): Promise<TRoomSummary> {
  const room = await findRoom(db, roomId);
  if (room.members.some((member) => member.id === userId)) return room;
  if (room.members.length >= ROOM_CAPACITY) throw new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
  try {
    await db.membership.create({ data: { roomId, userId, role: "guest" } });
  } catch (error) {
    // Someone took the guest seat first (unique roomId + role), or this user's own
    // concurrent request did (primary key): either way the room as it now is decides.
    if (!isUniqueViolation(error)) throw error;
    const now = await findRoom(db, roomId);
    if (now.members.some((member) => member.id === userId)) return now;
    throw new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
  }
  return findRoom(db, roomId);
}

async function findRoom(db: TDbClient, roomId: string): Promise<TRoomSummary> {
  if (!ROOM_ID_PATTERN.test(roomId)) throw new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
  const room = await db.room.findUnique({ where: { id: roomId }, select: ROOM_SUMMARY_SELECT });
  if (!room) throw new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
  return toRoomSummary(room);
}
