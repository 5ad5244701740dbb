import type { TCallSessionId } from "@/lib/shared/realtime-events";
import type { TDbClient } from "../db/create-db-client";
import { isUniqueViolation } from "../db/prisma-errors";
import { callSessionKey } from "./call-session-key";
import { closeStaleCalls } from "./close-stale-calls";
import { resumeCall } from "./resume-call";

export interface TCallSide {
  userId: string;
  callSessionId: TCallSessionId;
}

export interface StartCallOptions {
  roomId: string;
  sides: [TCallSide, TCallSide];
  now?: Date;
}

/**
 * Records that the two browsers connected: the call has started. Both browsers report it, on
 * whichever nodes they are, so this is idempotent: the second report (or a report after a
 * reconnect) finds the same call, and reopens it if a dropped connection or a stopped server had
 * closed it. A room has one call at a time: any other call still open in it was left behind by
 * a server that died, and is closed as ended unexpectedly.
 */
export async function startCall(db: TDbClient, { roomId, sides, now = new Date() }: StartCallOptions): Promise<{ callId: string }> {
  const sessionKey = callSessionKey(sides[0].callSessionId, sides[1].callSessionId);
  let callId: string;
  try {
    ({ id: callId } = await db.call.create({
      data: {
        roomId,
        sessionKey,
        startedAt: now,
        lastSeenAt: now,
        participants: { create: sides.map(({ userId, callSessionId }) => ({ userId, callSessionId })) },
      },
      select: { id: true },
    }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const resumed = await resumeCall(db, { roomId, sessionKey, now });
    if (!resumed) throw error;
    return resumed;
  }
  await closeStaleCalls(db, { roomId, exceptCallId: callId });
  return { callId };
}
