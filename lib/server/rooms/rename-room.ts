import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";
import { requireRole } from "./require-role";
import { roomUnavailable } from "./room-unavailable";

export interface RenameRoomOptions {
  roomId: string;
  /** Who asks: only the owner may rename. */
  userId: string;
  /** Already validated by ZRoomName. */
  name: string;
}

export async function renameRoom(db: TDbClient, { roomId, userId, name }: RenameRoomOptions): Promise<TRoomSummary> {
  await requireRole(db, { roomId, userId, role: "owner", refusal: "Only the room's owner can rename it." });
  // The owner may have deleted it from another tab since.
  const { count } = await db.room.updateMany({ where: { id: roomId, ownerId: userId }, data: { name } });
  if (count === 0) throw roomUnavailable();
  const room = await db.room.findUnique({ where: { id: roomId }, select: ROOM_SUMMARY_SELECT });
  if (!room) throw roomUnavailable();
  return toRoomSummary(room);
}
