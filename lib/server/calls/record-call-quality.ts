import type { TCallQuality } from "@/lib/shared/call";
import type { TCallSessionId } from "@/lib/shared/realtime-events";
import type { TDbClient } from "../db/create-db-client";

/**
 * Stores what a member's browser measured of a call it took part in with this call session.
 * Only the member's own part, in their own room: anything else matches no row and is ignored.
 */
export async function recordCallQuality(
  db: TDbClient,
  { roomId, userId, callSessionId, quality }: { roomId: string; userId: string; callSessionId: TCallSessionId; quality: TCallQuality },
): Promise<boolean> {
  const { count } = await db.callParticipant.updateMany({ where: { userId, callSessionId, call: { roomId } }, data: quality });
  return count > 0;
}
