import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { isForeignKeyViolation, isUniqueViolation } from "../db/prisma-errors";
import { findRoomSeat } from "./room-seat";
import { roomUnavailable } from "./room-unavailable";

export interface JoinRoomOptions {
  roomId: string;
  userId: string;
}

export interface TJoinedRoom {
  room: TRoomSummary;
  /** False when the person was a member already (joining twice changes nothing). */
  joined: boolean;
}

/**
 * Takes a room's free guest seat, when its link holder asks to (never on opening the link):
 * a member gets the room as it is; a full or absent room, or one whose owner removed this
 * person, is NOT_FOUND.
 */
export async function joinRoom(db: TDbClient, { roomId, userId }: JoinRoomOptions): Promise<TJoinedRoom> {
  const found = await findRoomSeat(db, { roomId, userId });
  if (!found) throw roomUnavailable();
  if (found.seat === "member") return { room: found.room, joined: false };
  try {
    await db.membership.create({ data: { roomId, userId, role: "guest" } });
  } catch (error) {
    // The room was deleted since the seat was found.
    if (isForeignKeyViolation(error)) throw roomUnavailable();
    // Someone took the guest seat first (unique roomId + role), or this user's own
    // concurrent request did (primary key): either way the room as it now is decides.
    if (!isUniqueViolation(error)) throw error;
    const now = await findRoomSeat(db, { roomId, userId });
    if (now?.seat === "member") return { room: now.room, joined: false };
    throw roomUnavailable();
  }
  const joined = await findRoomSeat(db, { roomId, userId });
  if (joined?.seat !== "member") throw roomUnavailable();
  return { room: joined.room, joined: true };
}
