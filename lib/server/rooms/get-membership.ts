import { ROOM_ID_PATTERN } from "@/lib/shared/paths";
import type { TMemberRole } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";

/** The user's role in a room, or null for a non-member or an unknown room. */
export async function getMembership(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TMemberRole | null> {
  // Not a room id: no such room, without asking (a NUL from a URL makes PostgreSQL fail the query).
  if (!ROOM_ID_PATTERN.test(roomId)) return null;
  const membership = await db.membership.findUnique({
    where: { roomId_userId: { roomId, userId } },
    select: { role: true },
  });
  return (membership?.role as TMemberRole | undefined) ?? null;
}
