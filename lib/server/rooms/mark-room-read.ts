import type { TDbClient } from "../db/create-db-client";
import { requireMembership } from "./require-membership";

export interface MarkRoomReadOptions {
  roomId: string;
  userId: string;
  /** The moment the member had the room on screen; a marker never moves back. */
  at?: Date;
}

/** Records that the member has seen the room up to now: the other member's messages before it are no longer unread. */
export async function markRoomRead(db: TDbClient, { roomId, userId, at = new Date() }: MarkRoomReadOptions): Promise<Date> {
  const { count } = await db.membership.updateMany({
    where: { roomId, userId, OR: [{ lastReadAt: null }, { lastReadAt: { lt: at } }] },
    data: { lastReadAt: at },
  });
  // Nothing updated: a later marker is already stored (another tab), or this is no member of the room.
  if (count === 0) await requireMembership(db, { roomId, userId });
  return at;
}
