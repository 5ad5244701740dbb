import { getServerSession } from "next-auth";
import type { TPublicUser } from "@/lib/shared/user";
import { AppError } from "@/lib/shared/errors";
import { isAuthSessionActive } from "../auth/auth-sessions";
import { createAuthOptions } from "../auth/create-auth-options";
import { readSessionUser, type TSessionUser } from "../auth/session-cookie";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger-instance";
import { getRateLimits } from "../rate-limits/rate-limits-instance";

export const authOptions = createAuthOptions(db, env, getRateLimits, logger);

/** The signed-in user of the current request, or null. */
export async function getSessionUser(): Promise<TPublicUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? "" };
}

/**
 * The signed-in user and their session (this browser), for routes that act on the account:
 * the session id says which browser stays signed in when the others are signed out.
 */
export async function requireAccountSession(request: Request): Promise<TSessionUser> {
  const secureCookie = new URL(env.SITE_URL).protocol === "https:";
  const signedIn = await readSessionUser(request.headers.get("cookie") ?? undefined, { secret: env.AUTH_SECRET, secureCookie });
  if (!signedIn || !(await isAuthSessionActive(db, { sessionId: signedIn.sessionId, userId: signedIn.user.id }))) {
    throw new AppError("UNAUTHENTICATED", "Sign in first");
  }
  return signedIn;
}
