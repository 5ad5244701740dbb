import type { TDbClient } from "../db/create-db-client";

/**
 * The same two call sessions found each other again: their call goes on. If a dropped
 * connection, a stopped server or the stale-call sweep had closed it, it is open again; a call
 * someone hung up stays ended (a new Join makes a new call session, so it cannot come back).
 * Returns null when the two never connected (there is no record yet).
 */
export async function resumeCall(
  db: TDbClient,
  { roomId, sessionKey, now = new Date() }: { roomId: string; sessionKey: string; now?: Date },
): Promise<{ callId: string } | null> {
  const call = await db.call.findUnique({ where: { roomId_sessionKey: { roomId, sessionKey } }, select: { id: true } });
  if (!call) return null;
  // The hang-up check is in the write itself: one landing between a read and the write stays.
  await db.call.updateMany({
    where: { id: call.id, OR: [{ endReason: null }, { endReason: { not: "hung-up" } }] },
    data: { endedAt: null, endReason: null, lastSeenAt: now },
  });
  return { callId: call.id };
}
