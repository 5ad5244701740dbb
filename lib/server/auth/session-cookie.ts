import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import type { TPublicUser } from "@/lib/shared/user";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SessionCookieOptions {
  secret: string;
  /** Behind https next-auth names the cookie `__Secure-next-auth.session-token`. */
  secureCookie: boolean;
}

/** A signed-in user and the session (one browser) their cookie belongs to. */
export interface TSessionUser {
  user: TPublicUser;
  sessionId: string;
}

/**
 * The user of a raw Cookie header (e.g. a Socket.IO handshake), or null. Only the JWT is checked
 * here; whether its session is still live is a database question (isAuthSessionActive).
 */
export async function readSessionUser(
  cookieHeader: string | undefined,
  { secret, secureCookie }: SessionCookieOptions,
): Promise<TSessionUser | null> {
  if (!cookieHeader) return null;
  try {
    const cookies = parseCookies(cookieHeader);
    const token = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie });
    if (!token?.sub || typeof token.sid !== "string") return null;
    return { user: { id: token.sub, name: typeof token.name === "string" ? token.name : "" }, sessionId: token.sid };
  } catch {
    return null;
  }
}
