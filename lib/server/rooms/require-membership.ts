import type { TMemberRole } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { getMembership } from "./get-membership";
import { roomUnavailable } from "./room-unavailable";

/**
 * The user's role in the room, for routes only members may use. A non-member and an unknown
 * room get one and the same NOT_FOUND, so no route lets an outsider probe for a room.
 */
export async function requireMembership(db: TDbClient, { roomId, userId }: { roomId: string; userId: string }): Promise<TMemberRole> {
  const role = await getMembership(db, { roomId, userId });
  if (!role) throw roomUnavailable();
  return role;
}
