import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppError } from "@/lib/shared/errors";

/**
 * How long a refused body is still read (and discarded) after the answer. Closing at once would
 * reset the connection while the client is still sending, and many clients then report the
 * reset (EPIPE, ECONNRESET) instead of the answer they already received. nginx lingers the same way.
 */
const LINGER_MS = 2_000;

/**
 * Answers a request refused before Next saw it: JSON like every API error, after the headers
 * server.ts has already set (security headers, request id). Node discards the unread body as it
 * arrives (nothing of it is kept); if it has not ended within LINGER_MS, the connection is closed.
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: AppError): void {
  res.statusCode = refusal.status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.once("finish", () => {
    if (req.complete) return;
    const { socket } = req;
    const close = setTimeout(() => socket.destroy(), LINGER_MS);
    // The body ended in time: the connection stays open for its next request, with no listener left behind.
    const keep = () => {
      clearTimeout(close);
      req.off("end", keep);
      socket.off("close", keep);
    };
    req.once("end", keep);
    socket.once("close", keep);
  });
  res.end(JSON.stringify({ error: refusal.toBody() }));
}
