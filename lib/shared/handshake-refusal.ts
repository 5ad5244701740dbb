import { ERROR_CODES, type TErrorCode } from "./errors";

/**
 * The JSON body of a realtime handshake Duet refused, written by the server's handshake check
 * (lib/server/realtime/handshake-auth.ts) and read by the browser from the refused long-polling
 * request (lib/client/describe-connect-error.ts): one shape, built and parsed here only.
 */
export interface THandshakeRefusal {
  code: TErrorCode;
  message: string;
  /** A refusal that lifts by itself (RATE_LIMITED): how long until a handshake can succeed. */
  retryAfterMs?: number;
}

export function encodeHandshakeRefusal({ code, message, retryAfterMs }: THandshakeRefusal): string {
  return JSON.stringify({ code, message, ...(retryAfterMs !== undefined && { retryAfterMs }) });
}

/**
 * The refusal in a response body, or null when the body is not one (a proxy's page, nothing).
 * Checked by hand rather than with a zod schema: the room page reads it, and this would be the
 * only zod that page loads (~20 kB gzipped, for three fields).
 */
export function parseHandshakeRefusal(body: string): THandshakeRefusal | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { code, message, retryAfterMs } = parsed as Record<string, unknown>;
  if (typeof code !== "string" || !Object.hasOwn(ERROR_CODES, code) || typeof message !== "string") return null;
  if (retryAfterMs === undefined) return { code: code as TErrorCode, message };
  if (typeof retryAfterMs !== "number" || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) return null;
  return { code: code as TErrorCode, message, retryAfterMs };
}

const OPEN_DUET_AT = "Open Duet at ";

/** The FORBIDDEN message for a page opened under another address than SITE_URL's. */
export function openDuetAtMessage(siteOrigin: string): string {
  return `${OPEN_DUET_AT}${siteOrigin}`;
}

/** The http(s) origin an openDuetAtMessage names, or null (another message, or any other scheme). */
export function siteOfOpenDuetAt(message: string): string | null {
  if (!message.startsWith(OPEN_DUET_AT)) return null;
  try {
    const url = new URL(message.slice(OPEN_DUET_AT.length));
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}
