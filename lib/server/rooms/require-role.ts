import { AppError } from "@/lib/shared/errors";
import type { TMemberRole } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { requireMembership } from "./require-membership";

export interface RequireRoleOptions {
  roomId: string;
  userId: string;
  role: TMemberRole;
  /** What the other member is told: they know the room, so a plain refusal gives nothing away. */
  refusal: string;
}

/** For actions only the owner (or only the guest) may take; a non-member gets the same NOT_FOUND as for no room. */
export async function requireRole(db: TDbClient, { roomId, userId, role, refusal }: RequireRoleOptions): Promise<void> {
  const actual = await requireMembership(db, { roomId, userId });
  if (actual !== role) throw new AppError("FORBIDDEN", refusal);
}
