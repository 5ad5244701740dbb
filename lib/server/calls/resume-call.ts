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
  const call = await db.call.findUnique({ where: { roomId_sessionKey: { roomId, sessionKey } }, select: { id: true, endReason: true } });
  if (!call) return null;
  if (call.endReason !== "hung-up") {
    await db.call.update({ where: { id: call.id }, data: { endedAt: null, endReason: null, lastSeenAt: now }, select: { id: true } });
  }
  return { callId: call.id };
}
