import { AppError } from "@/lib/shared/errors";
import type { TRoomSummary } from "@/lib/shared/room";
import { closeSessionConnections } from "../auth/session-connections";
import { verifyPassword } from "../auth/password";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "../rooms/room-select";

export interface DeleteAccountOptions {
  userId: string;
  /** Required when the account has a password. */
  password?: string;
  /** Required otherwise (GitHub or Google only): the account's email, typed out. */
  email?: string;
}

/**
 * Deletes an account:
 * - rooms it owns are deleted, with their chat: the room was theirs;
 * - in rooms where it was the guest, its seat is freed but its messages stay, so the owner's
 *   record of the conversation still reads whole, the author shown as a deleted account;
 * - every session is signed out and every GitHub/Google link removed; the user row stays only
 *   as that author, emptied of email, name and password, so the email can sign up again.
 * Returns the ids of the rooms deleted with it, whose guests' open pages are to be told, and the
 * rooms it was the guest of, as their owners now have them.
 */
export async function deleteAccount(
  db: TDbClient,
  { userId, password, email }: DeleteAccountOptions,
): Promise<{ deletedRoomIds: string[]; leftRooms: TRoomSummary[] }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError("NOT_FOUND", "This account no longer exists.");
  await confirmDeletion(user, { password, email });
  const owned = await db.room.findMany({ where: { ownerId: userId }, select: { id: true } });
  const sessions = await db.authSession.findMany({ where: { userId }, select: { id: true } });
  const guestOf = await db.membership.findMany({ where: { userId, role: "guest" }, select: { roomId: true } });
  // Signed out in the same write: an account deleted but still signed in somewhere cannot be.
  await db.$transaction([
    db.room.deleteMany({ where: { ownerId: userId } }),
    db.membership.deleteMany({ where: { userId } }),
    db.account.deleteMany({ where: { userId } }),
    db.authSession.deleteMany({ where: { userId } }),
    db.user.update({
      where: { id: userId },
      data: { email: `deleted-${userId}@deleted.invalid`, name: "", passwordHash: null, deletedAt: new Date() },
    }),
  ]);
  closeSessionConnections(sessions.map(({ id }) => id));
  const left = await db.room.findMany({ where: { id: { in: guestOf.map(({ roomId }) => roomId) } }, select: ROOM_SUMMARY_SELECT });
  return { deletedRoomIds: owned.map(({ id }) => id), leftRooms: left.map(toRoomSummary) };
}

async function confirmDeletion(
  account: { email: string; passwordHash: string | null },
  { password, email }: Pick<DeleteAccountOptions, "password" | "email">,
): Promise<void> {
  if (account.passwordHash) {
    if (!password || !(await verifyPassword(account.passwordHash, password))) {
      throw new AppError("VALIDATION", "That is not your password.", { password: "That is not your password" });
    }
    return;
  }
  if (email?.trim().toLowerCase() !== account.email) {
    throw new AppError("VALIDATION", "Type your email address to confirm.", { email: "Type your email address to confirm" });
  }
}
