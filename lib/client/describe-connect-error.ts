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

const OPEN_AT = /^Open Duet at (\S+)$/;

/**
 * A person-facing sentence for a handshake Duet refused (401: no valid session; 403: wrong
 * origin or address), or null for anything else (network trouble, a namespace refusal).
 * Call it inside the `connect_error` listener: the polling body is gone afterwards.
 */
export function describeConnectError(error: TConnectError): string | null {
  const status = httpStatus(error.description);
  if (status === 401) return "Duet didn't recognise your session. Sign in again.";
  if (status !== 403) return null;
  const site = siteFromBody(error.context);
  return site
    ? `Duet refused the connection: open it at ${site}`
    : "Duet refused the connection from this address. Open Duet at the address you were given.";
}

function httpStatus(description: unknown): number | null {
  if (typeof description === "number") return description;
  if (typeof description === "object" && description !== null && "message" in description) {
    const match = /Unexpected server response: (\d{3})/.exec(String(description.message));
    if (match) return Number(match[1]);
  }
  return null;
}

/** The site URL of a `{ code: "FORBIDDEN", message: "Open Duet at <url>" }` body, if readable. */
function siteFromBody(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("responseText" in context)) return null;
  try {
    const body: unknown = JSON.parse(String(context.responseText));
    const message = typeof body === "object" && body !== null && "message" in body ? String(body.message) : "";
    const url = new URL(OPEN_AT.exec(message)?.[1] ?? "");
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}
