import type { IncomingMessage } from "node:http";

/**
 * The header server.ts sets on every request it hands to Next, so route handlers (which see a
 * Fetch Request without a socket) learn the client's address. server.ts always overwrites it:
 * a value sent by the client never survives.
 */
export const CLIENT_IP_HEADER = "x-duet-client-ip";

/**
 * The client's address. Behind one trusted proxy that is the last X-Forwarded-For entry (the
 * address the proxy saw); entries before it are whatever the client chose to send.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string") return forwarded.split(",").at(-1)?.trim() || req.socket.remoteAddress;
  return req.socket.remoteAddress;
}

/** Stamps the request with its client address for the route handlers behind it. */
export function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientIp(req, trustProxy) ?? "unknown";
}

/** In a route handler: the address server.ts stamped ("unknown" if it somehow did not). */
export function clientIpOf(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}
