import { AppError } from "@/lib/shared/errors";
import { endAuthSessions } from "../auth/auth-sessions";
import { hashPassword, verifyPassword } from "../auth/password";
import type { TDbClient } from "../db/create-db-client";

export interface ChangePasswordOptions {
  userId: string;
  /** The session asking: it stays signed in, every other one is signed out. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

/** Sets a new password after checking the current one; returns how many other sessions were signed out. */
export async function changePassword(db: TDbClient, { userId, sessionId, currentPassword, newPassword }: ChangePasswordOptions): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) {
    throw new AppError("CONFLICT", "Your account signs in with GitHub or Google, so it has no password to change.");
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION", "That is not your current password.", { currentPassword: "That is not your current password" });
  }
  const passwordHash = await hashPassword(newPassword);
  // Only if the hash is still the one checked: two changes racing must not both win.
  const { count } = await db.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
  if (count === 0) throw new AppError("CONFLICT", "Your password was changed meanwhile. Reload the page and try again.");
  // Whoever knew the old password may hold a session: end them all but this one.
  return (await endAuthSessions(db, { userId, keep: sessionId })).length;
}
