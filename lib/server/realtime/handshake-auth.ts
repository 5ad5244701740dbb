import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { isAppError } from "@/lib/shared/errors";
import { encodeHandshakeRefusal, openDuetAtMessage, type THandshakeRefusal } from "@/lib/shared/handshake-refusal";
import { isAuthSessionActive } from "../auth/auth-sessions";
import { readSessionUser, type TSessionUser } from "../auth/session-cookie";
import { clientIp } from "../http/client-ip";
import type { RealtimeDeps } from "./types";

/** The refusal of a connection without a live sign-in, at the handshake or at a room's door. */
export const SIGN_IN_TO_JOIN = "Sign in to join a room";

/** What `io.engine.use` takes: Node's request and response, for the handshake and each poll or upgrade. */
export type EngineMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void) => void;

/**
 * Who each admitted handshake request belongs to, for the namespace middleware. Not a property
 * on the request: the request lives as long as its socket (`socket.request`), and during a
 * WebSocket upgrade Engine.IO adds a property of its own before the middlewares and deletes it
 * after them; a property we added in between turns that delete into a switch of the request to
 * dictionary mode, ~1.4 kB more for every open socket.
 */
const handshakeUsers = new WeakMap<IncomingMessage, TSessionUser>();

/** The signed-in user whose handshake opened this request's connection; undefined if none was admitted. */
export function handshakeUser(req: IncomingMessage): TSessionUser | undefined {
  return handshakeUsers.get(req);
}

interface Refusal extends THandshakeRefusal {
  status: number;
}

/**
 * Runs on the Engine.IO handshake request, before any namespace: a request from a foreign
 * Origin or without a valid session never reaches a room, so outsiders learn nothing about
 * which rooms exist. Later polling requests of an established session are not re-checked.
 * Handshakes are counted per client address first, so a flood costs no cookie decryption.
 */
export function createHandshakeAuth(deps: RealtimeDeps): EngineMiddleware {
  const { db, authSecret, siteUrl, logger, rateLimits, trustProxy = false } = deps;
  const secureCookie = new URL(siteUrl).protocol === "https:";
  const checkOrigin = createOriginCheck(deps);
  return (req, res, next) => {
    const isHandshake = !new URL(req.url ?? "/", "http://x").searchParams.has("sid");
    if (!isHandshake) return next();
    rateLimits.consume("handshake", clientIp(req, trustProxy) ?? "unknown").then(
      () => authenticate(req, res, next),
      (error: unknown) => {
        if (!isAppError(error)) return next(error instanceof Error ? error : new Error(String(error)));
        // Debug, not warn: a flood must not become a flood of log lines.
        logger.debug({ ip: clientIp(req, trustProxy) }, "realtime handshake over the limit refused");
        refuse(res, { status: error.status, code: error.code, message: error.message, retryAfterMs: error.retryAfterMs });
      },
    );
  };

  /** A valid JWT whose session is still live: signed out, password changed or account deleted ends it. */
  async function signedInUser(cookieHeader: string | undefined): Promise<TSessionUser | null> {
    const signedIn = await readSessionUser(cookieHeader, { secret: authSecret, secureCookie });
    if (!signedIn) return null;
    return (await isAuthSessionActive(db, { sessionId: signedIn.sessionId, userId: signedIn.user.id })) ? signedIn : null;
  }

  function authenticate(req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void): void {
    const refusal = checkOrigin(req.headers);
    if (refusal) {
      logger.warn({ origin: req.headers.origin, host: req.headers.host }, "realtime handshake from another site or address refused");
      return refuse(res, refusal);
    }
    signedInUser(req.headers.cookie).then(
      (signedIn) => {
        if (!signedIn) return refuse(res, { status: 401, code: "UNAUTHENTICATED", message: SIGN_IN_TO_JOIN });
        handshakeUsers.set(req, signedIn);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/**
 * Browsers always send Origin on WebSocket and cross-origin requests; a mismatch is a page on
 * another site trying to use the member's cookie. Same-origin long-polling GETs carry no Origin.
 *
 * - "site-url" (the operator set SITE_URL): only that origin. A request without Origin must
 *   have been addressed to SITE_URL's host, so a page opened under another name is told where
 *   Duet lives instead of silently running over long-polling.
 * - "same-host" (SITE_URL defaulted to http://localhost:PORT, which may not be the name people
 *   use): also any Origin whose host is the request's own Host, i.e. the page's own origin,
 *   whatever name reached this server. A DNS-rebound page passes this check but carries no
 *   Duet session cookie, so the session check below still refuses it.
 */
export function createOriginCheck({ siteUrl, originPolicy = "site-url", trustProxy = false }: RealtimeDeps) {
  const site = new URL(siteUrl);
  const forbidden = (message: string): Refusal => ({ status: 403, code: "FORBIDDEN", message });
  const openDuetAt = openDuetAtMessage(site.origin);
  return (headers: IncomingHttpHeaders): Refusal | null => {
    const origin = headers.origin;
    const requestHost = hostOf(headers, trustProxy);
    if (origin === undefined) {
      if (originPolicy === "same-host" || requestHost === undefined) return null;
      return normalHost(site.protocol, requestHost) === site.host ? null : forbidden(openDuetAt);
    }
    if (origin === site.origin) return null;
    if (originPolicy === "same-host" && requestHost !== undefined && sameHost(origin, requestHost)) return null;
    return forbidden(originPolicy === "site-url" ? openDuetAt : "Origin not allowed");
  };
}

/** The host the client addressed: behind a trusted proxy, the one it forwarded. */
function hostOf(headers: IncomingHttpHeaders, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? headers["x-forwarded-host"] : undefined;
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || headers.host;
  return value?.toLowerCase();
}

function sameHost(origin: string, host: string): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.host === normalHost(parsed.protocol, host);
  } catch {
    return false;
  }
}

/** A Host header as URL.host spells it for this scheme (lower case, default port dropped). */
function normalHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

function refuse(res: ServerResponse, { status, ...refusal }: Refusal): void {
  const retryAfter = refusal.retryAfterMs === undefined ? {} : { "Retry-After": String(Math.ceil(refusal.retryAfterMs / 1000)) };
  res.writeHead(status, { "Content-Type": "application/json", ...retryAfter });
  res.end(encodeHandshakeRefusal(refusal));
}
