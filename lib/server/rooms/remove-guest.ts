import { AppError } from "@/lib/shared/errors";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";
import { requireRole } from "./require-role";
import { roomUnavailable } from "./room-unavailable";

export interface RemoveGuestOptions {
  roomId: string;
  /** Who asks: only the owner may remove the guest. */
  userId: string;
  /**
   * The guest the owner saw on their page. Named, so that if that guest left and someone else
   * took the seat meanwhile, the newcomer is not removed by a click meant for another.
   */
  guestId: string;
}

/**
 * Frees the guest seat and bars that person from taking it again through the link they still
 * hold. Their messages stay in the room's record.
 */
export async function removeGuest(db: TDbClient, { roomId, userId, guestId }: RemoveGuestOptions): Promise<TRoomSummary> {
  await requireRole(db, { roomId, userId, role: "owner", refusal: "Only the room's owner can remove its guest." });
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({ where: { roomId, userId: guestId, role: "guest" } });
    // They left, or someone else holds the seat now: nothing to remove, and no one to bar.
    if (count === 0) throw new AppError("CONFLICT", "That person is no longer this room's guest.");
    await tx.removedGuest.upsert({
      where: { roomId_userId: { roomId, userId: guestId } },
      create: { roomId, userId: guestId },
      update: { removedAt: new Date() },
    });
  });
  const room = await db.room.findUnique({ where: { id: roomId }, select: ROOM_SUMMARY_SELECT });
  if (!room) throw roomUnavailable();
  return toRoomSummary(room);
}
