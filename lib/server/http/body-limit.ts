import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AppError } from "@/lib/shared/errors";
import { bodyLengthRequired, bodyTooLarge } from "./body-limit-errors";

/**
 * Duet's API bodies are small (a sign-up, a room name, a sign-in form: a few hundred bytes), so
 * no request that reaches Next may carry more than `limitBytes`, checked before Next reads a
 * byte. Socket.IO's requests never come here: its engine answers them first, under its own
 * limit (maxHttpBufferSize).
 *
 * A body without Content-Length (Transfer-Encoding: chunked) is refused with 411 rather than
 * counted as it streams: Next reads the body from the request itself, and counting it first
 * would mean consuming it (a 'data' listener) or patching the request's internals. Nothing Duet
 * serves sends one: browsers give fetch and form bodies a length, and nginx in front buffers a
 * request body (its default) and forwards it with a Content-Length.
 *
 * Returns the refusal for this request, or null to let it through.
 */
export function bodyRefusal(req: IncomingMessage, limitBytes: number): AppError | null {
  if (req.headers["transfer-encoding"] !== undefined) return bodyLengthRequired();
  // Node's parser has already refused a malformed or duplicated Content-Length with 400.
  const declared = Number(req.headers["content-length"] ?? 0);
  return declared > limitBytes ? bodyTooLarge(limitBytes) : null;
}

/**
 * Node answers `Expect: 100-continue` (curl sends it for bodies over 1 MB) with "100 Continue"
 * by itself, inviting the whole body. Once this listens, a request to be refused gets its final
 * answer without that invitation; every other one is invited and handled as usual.
 */
export function refuseBeforeContinue(server: Server, limitBytes: number): void {
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!bodyRefusal(req, limitBytes)) res.writeContinue();
    // The usual request listeners answer it: Socket.IO's engine, then server.ts's handler.
    server.emit("request", req, res);
  });
}
