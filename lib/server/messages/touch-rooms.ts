import type { TDbClient } from "../db/create-db-client";

/**
 * Marks rooms active at `time`: one UPDATE per batch for every room it wrote to, at the batch's
 * latest createdAt, so a room's time may be a few milliseconds past its own last message but
 * never before it. It never moves a room's time back (another node may have written a later
 * batch), and a room deleted meanwhile is simply not updated.
 */
export function touchRooms(db: TDbClient, roomIds: string[], time: Date) {
  return db.room.updateMany({ where: { id: { in: roomIds }, lastActivityAt: { lt: time } }, data: { lastActivityAt: time } });
}
