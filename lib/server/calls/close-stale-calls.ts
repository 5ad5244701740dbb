import type { TDbClient } from "../db/create-db-client";

/**
 * Closes calls left open by a server that died: nobody ended them, and no node has refreshed
 * them (touchCalls) since `staleBefore`. Each is ended unexpectedly at the last moment it was
 * known to go on. With `roomId`, every other open call in that room is closed the same way
 * (a new call started there, and a room has one at a time). Returns how many were closed.
 */
export async function closeStaleCalls(db: TDbClient, options: { staleBefore: Date } | { roomId: string; exceptCallId: string }): Promise<number> {
  const where =
    "staleBefore" in options
      ? { endedAt: null, lastSeenAt: { lt: options.staleBefore } }
      : { endedAt: null, roomId: options.roomId, id: { not: options.exceptCallId } };
  const stale = await db.call.findMany({ where, select: { id: true, lastSeenAt: true }, take: 500 });
  let closed = 0;
  for (const { id, lastSeenAt } of stale) {
    // endedAt: null again: a browser may have ended or resumed it since we looked.
    const { count } = await db.call.updateMany({ where: { id, endedAt: null }, data: { endedAt: lastSeenAt, endReason: "unexpected" } });
    closed += count;
  }
  return closed;
}
