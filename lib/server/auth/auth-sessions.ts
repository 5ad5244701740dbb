import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/shared/errors";
import type { TDbClient } from "../db/create-db-client";
import { closeSessionConnections } from "./session-connections";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

/**
 * next-auth re-issues a session's JWT on use (a rolling 30 days); the row follows, but writing it
 * on every request would turn each page view into a database write, so it moves at most daily.
 */
const EXPIRY_REFRESH_MS = 24 * 60 * 60 * 1000;

const expiryFrom = (now: number) => new Date(now + SESSION_MAX_AGE_SECONDS * 1000);

/**
 * Records a new signed-in browser for the user; returns the id its JWT carries as `sid`. A
 * sign-in whose password check straddled the account's deletion gets no session: deleting
 * removes the sessions that exist, and the check after the insert catches one made later.
 */
export async function startAuthSession(db: TDbClient, userId: string, now = Date.now()): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  // Sessions that lapsed on their own are tidied up whenever their owner signs in again.
  await db.authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  await db.authSession.create({ data: { id, userId, expiresAt: expiryFrom(now) } });
  const user = await db.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
  if (!user || user.deletedAt) {
    await db.authSession.deleteMany({ where: { id } });
    throw new AppError("NOT_FOUND", "This account no longer exists.");
  }
  return id;
}

/**
 * Whether the session a JWT names is still live: not signed out, not ended by a password
 * change or "sign out everywhere", its account not deleted. Keeps a live row's expiry rolling.
 */
export async function isAuthSessionActive(
  db: TDbClient,
  { sessionId, userId }: { sessionId: string; userId: string },
  now = Date.now(),
): Promise<boolean> {
  const session = await db.authSession.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } });
  if (!session || session.userId !== userId || session.expiresAt.getTime() <= now) return false;
  if (expiryFrom(now).getTime() - session.expiresAt.getTime() > EXPIRY_REFRESH_MS) {
    await db.authSession.updateMany({ where: { id: sessionId }, data: { expiresAt: expiryFrom(now) } });
  }
  return true;
}

/** Ends one session (signing out of this browser) and closes its room connections. */
export async function endAuthSession(db: TDbClient, sessionId: string): Promise<void> {
  await db.authSession.deleteMany({ where: { id: sessionId } });
  closeSessionConnections([sessionId]);
}

/** Ends every session of the user but `keep` (if given) and closes their room connections; returns the ids that ended. */
export async function endAuthSessions(db: TDbClient, { userId, keep }: { userId: string; keep?: string }): Promise<string[]> {
  const where = { userId, ...(keep && { id: { not: keep } }) };
  const ended = (await db.authSession.findMany({ where, select: { id: true } })).map(({ id }) => id);
  await db.authSession.deleteMany({ where: { id: { in: ended } } });
  closeSessionConnections(ended);
  return ended;
}
