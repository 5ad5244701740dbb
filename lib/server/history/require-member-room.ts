import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { getMemberRoom } from "../rooms/get-member-room";
import { roomUnavailable } from "../rooms/room-unavailable";

/** The room, for one of its members; the same NOT_FOUND as requireMembership for anyone else and for no room. */
export async function requireMemberRoom(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TRoomSummary> {
  const room = await getMemberRoom(db, { roomId, userId });
  if (!room) throw roomUnavailable();
  return room;
}
