import { ROOM_ID_PATTERN } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";

export async function roomExists(db: TDbClient, roomId: string): Promise<boolean> {
  if (!ROOM_ID_PATTERN.test(roomId)) return false;
  return (await db.room.count({ where: { id: roomId } })) === 1;
}
