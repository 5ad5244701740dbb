import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

/** The rooms a user belongs to, newest activity first. */
export async function listRoomsForUser(db: TDbClient, { userId }: { userId: string }): Promise<TRoomSummary[]> {
  const rooms = await db.room.findMany({
    where: { memberships: { some: { userId } } },
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    select: ROOM_SUMMARY_SELECT,
    take: 200,
  });
  return rooms.map(toRoomSummary);
}
