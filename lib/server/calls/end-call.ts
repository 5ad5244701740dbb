import type { TCallEndReason } from "@/lib/shared/call";
import type { TCallSessionId } from "@/lib/shared/realtime-events";
import type { TDbClient } from "../db/create-db-client";

/**
 * Ends the open call one of whose sides is this call session, if there is one: a member hung
 * up, or their connection ended and did not come back. A call ends when either side leaves it.
 */
export async function endCall(
  db: TDbClient,
  { roomId, callSessionId, reason, now = new Date() }: { roomId: string; callSessionId: TCallSessionId; reason: TCallEndReason; now?: Date },
): Promise<number> {
  const { count } = await db.call.updateMany({
    where: { roomId, endedAt: null, participants: { some: { callSessionId } } },
    data: { endedAt: now, endReason: reason, lastSeenAt: now },
  });
  return count;
}

/** A node is stopping: the calls it holds end now, unless their browsers resume them elsewhere (resumeCall). */
export async function endCallsForShutdown(
  db: TDbClient,
  { callSessionIds, now = new Date() }: { callSessionIds: TCallSessionId[]; now?: Date },
): Promise<number> {
  if (callSessionIds.length === 0) return 0;
  const { count } = await db.call.updateMany({
    where: { endedAt: null, participants: { some: { callSessionId: { in: callSessionIds } } } },
    data: { endedAt: now, endReason: "server-shutdown", lastSeenAt: now },
  });
  return count;
}
