import type { ServerResponse } from "node:http";
import { readSessionUser } from "../auth/session-cookie";
import type { AuthenticatedRequest, RealtimeDeps } from "./types";

type EngineMiddleware = (req: AuthenticatedRequest, res: ServerResponse, next: (error?: Error) => void) => void;

/**
 * Runs on the Engine.IO handshake request, before any namespace: a request from a foreign
 * Origin or without a valid session never reaches a room, so outsiders learn nothing about
 * which rooms exist. Later polling requests of an established session are not re-checked.
 */
export function createHandshakeAuth({ authSecret, siteUrl, logger }: RealtimeDeps): EngineMiddleware {
  const siteOrigin = new URL(siteUrl).origin;
  const secureCookie = siteOrigin.startsWith("https:");
  return (req, res, next) => {
    const isHandshake = !new URL(req.url ?? "/", "http://x").searchParams.has("sid");
    if (!isHandshake) return next();
    // Browsers always send Origin on WebSocket and cross-origin requests; a mismatch is a
    // page on another site trying to use the member's cookie.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== siteOrigin) {
      logger.warn({ origin }, "realtime handshake from a foreign origin refused");
      return refuse(res, 403, "FORBIDDEN", "Origin not allowed");
    }
    readSessionUser(req.headers.cookie, { secret: authSecret, secureCookie }).then(
      (user) => {
        if (!user) return refuse(res, 401, "UNAUTHENTICATED", "Sign in to join a room");
        req.duetUser = user;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ code, message }));
}
