import type { TDbClient } from "../db/create-db-client";
import { requireRole } from "./require-role";
import { roomUnavailable } from "./room-unavailable";

/**
 * Deletes a room for good, for its owner only. Its memberships, messages and whatever else
 * belongs to the room (call records) go with it, by the schema's cascades.
 */
export async function deleteRoom(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<void> {
  await requireRole(db, { roomId, userId, role: "owner", refusal: "Only the room's owner can delete it." });
  const { count } = await db.room.deleteMany({ where: { id: roomId, ownerId: userId } });
  if (count === 0) throw roomUnavailable();
}
