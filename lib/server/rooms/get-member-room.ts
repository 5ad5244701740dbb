import { ROOM_ID_PATTERN } from "@/lib/shared/paths";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

/** The room, if the user is one of its members; null for non-members and unknown rooms alike. */
export async function getMemberRoom(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TRoomSummary | null> {
  // Not a room id: no such room, without asking (a NUL from a URL makes PostgreSQL fail the query).
  if (!ROOM_ID_PATTERN.test(roomId)) return null;
  const room = await db.room.findFirst({
    where: { id: roomId, memberships: { some: { userId } } },
    select: ROOM_SUMMARY_SELECT,
  });
  return room ? toRoomSummary(room) : null;
}
