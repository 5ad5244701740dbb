import { ERROR_CODES, type TErrorCode } from "./errors";
import { z } from "./zod";

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

const ZHandshakeRefusal = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [TErrorCode, ...TErrorCode[]]),
  message: z.string(),
  retryAfterMs: z.number().nonnegative().optional(),
});

export function encodeHandshakeRefusal({ code, message, retryAfterMs }: THandshakeRefusal): string {
  return JSON.stringify({ code, message, ...(retryAfterMs !== undefined && { retryAfterMs }) });
}

/** The refusal in a response body, or null when the body is not one (a proxy's page, nothing). */
export function parseHandshakeRefusal(body: string): THandshakeRefusal | null {
  try {
    const parsed = ZHandshakeRefusal.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
