import type { TCallSessionId } from "@/lib/shared/realtime-events";
import type { TDbClient } from "../db/create-db-client";

/** This node still holds these call sessions: their open calls go on (see closeStaleCalls). */
export async function touchCalls(
  db: TDbClient,
  { callSessionIds, now = new Date() }: { callSessionIds: TCallSessionId[]; now?: Date },
): Promise<void> {
  if (callSessionIds.length === 0) return;
  await db.call.updateMany({
    where: { endedAt: null, participants: { some: { callSessionId: { in: callSessionIds } } } },
    data: { lastSeenAt: now },
  });
}
