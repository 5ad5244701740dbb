import { parseHandshakeRefusal, siteOfOpenDuetAt, type THandshakeRefusal } from "@/lib/shared/handshake-refusal";
import { describeRetryAfter } from "@/lib/shared/retry-after";

/**
 * A Socket.IO `connect_error`, as socket.io-client 4.8 / engine.io-client 6.6 build it, carries
 * what the transport saw in `description` and `context`:
 * - long-polling (XHR): description = the HTTP status, context = the XMLHttpRequest, whose
 *   responseText still holds the server's JSON body while `connect_error` listeners run
 *   (the request is aborted right after);
 * - long-polling (fetch): description = the HTTP status, context = the Response;
 * - WebSocket: Engine.IO refuses an upgrade by closing the TCP connection without a status,
 *   so a browser reports a bare `error` Event and Node's ws "socket hang up": nothing to tell
 *   a refusal from network trouble. Duet's client then tries long-polling, whose refusal is
 *   readable. (Only a proxy answering an upgrade itself gives ws "Unexpected server response:
 *   <status>"; browsers hide even that.)
 */
export type TConnectError = Error & { description?: unknown; context?: unknown };

export interface TConnectRefusal {
  /** What to tell the person. */
  message: string;
  /** null: retrying won't help. A number: the refusal lifts by itself after this long. */
  retryAfterMs: number | null;
}

/** Handshakes are counted per minute by default (RATE_LIMIT_HANDSHAKE_IP): the longest wait when the body is unreadable. */
const UNKNOWN_RETRY_AFTER_MS = 60_000;

/**
 * Why Duet refused a handshake, for a person (401: no valid session; 403: wrong origin or
 * address; 429: too many connections from this network, and when to try again), or null for
 * anything else (network trouble, a namespace refusal). Call it inside the `connect_error`
 * listener: the polling body is gone afterwards.
 */
export function readConnectRefusal(error: TConnectError): TConnectRefusal | null {
  const status = httpStatus(error.description);
  if (status === 401) return { message: "Duet didn't recognise your session. Sign in again.", retryAfterMs: null };
  if (status === 429) {
    const retryAfterMs = refusalBody(error.context)?.retryAfterMs ?? UNKNOWN_RETRY_AFTER_MS;
    return { message: `Too many connections from your network. Try again ${describeRetryAfter(retryAfterMs)}.`, retryAfterMs };
  }
  if (status !== 403) return null;
  const site = siteOfOpenDuetAt(refusalBody(error.context)?.message ?? "");
  return {
    message: site
      ? `Duet refused the connection: open it at ${site}`
      : "Duet refused the connection from this address. Open Duet at the address you were given.",
    retryAfterMs: null,
  };
}

/** readConnectRefusal's sentence alone, or null. */
export function describeConnectError(error: TConnectError): string | null {
  return readConnectRefusal(error)?.message ?? null;
}

function httpStatus(description: unknown): number | null {
  if (typeof description === "number") return description;
  if (typeof description === "object" && description !== null && "message" in description) {
    const match = /Unexpected server response: (\d{3})/.exec(String(description.message));
    if (match) return Number(match[1]);
  }
  return null;
}

/** The refusal body of a refused XHR long-polling handshake, if still readable. */
function refusalBody(context: unknown): THandshakeRefusal | null {
  if (typeof context !== "object" || context === null || !("responseText" in context)) return null;
  return parseHandshakeRefusal(String(context.responseText));
}
