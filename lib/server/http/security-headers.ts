/**
 * Duet's security response headers, built in one place for both senders: server.ts puts the
 * baseline on every response (API routes, static assets, Socket.IO's long-polling answers),
 * and proxy.ts replaces its CSP on pages with one that carries the request's script nonce.
 * No Node imports: proxy.ts may be bundled for any runtime.
 */

/** 128 random bits, base64: the `'nonce-…'` of one page response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** A Host header worth echoing into a policy: a name or address and an optional port, nothing else. */
const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export interface PagePolicyOptions {
  nonce: string;
  /** The Host the browser asked for, so the room socket may reach it over ws: and wss:. */
  host: string | null;
  /** `next dev` evaluates code (React's debug stacks, hot reload) and injects styles; production does neither. */
  dev: boolean;
}

/**
 * The CSP of an HTML page. Scripts run only with this response's nonce, or when loaded by one
 * that has it ('strict-dynamic': Next's chunks); Next applies the nonce to its own tags when
 * the request carries this header, which needs pages rendered per request (they are: the
 * root layout reads the session). Calls need nothing more: <video srcObject> loads no URL.
 */
export function pageContentSecurityPolicy({ nonce, host, dev }: PagePolicyOptions): string {
  const socketOrigins = host && HOST_PATTERN.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Production styles are Tailwind's stylesheet and Next's nonce-carrying tags; `next dev`
    // injects <style> elements of its own (hot reload, error overlay) without the nonce.
    // ('unsafe-inline' is ignored next to a nonce, so dev gets one or the other.)
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src 'self'${socketOrigins}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Anything that is not a page (JSON, scripts, stylesheets, Socket.IO) may load and run nothing itself. */
export const BASELINE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Camera, microphone and screen for Duet's own pages; every other powerful feature for nobody. */
export const PERMISSIONS_POLICY = [
  "camera=(self)",
  "microphone=(self)",
  "display-capture=(self)",
  "accelerometer=()",
  "bluetooth=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
].join(", ");

/** Two years, as a site that is HTTPS for good. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export interface TransportFacts {
  /** SITE_URL: people open Duet at this address. */
  siteUrl: string;
  trustProxy: boolean;
  /** The connection itself is TLS (Duet never terminates TLS today, but it costs nothing to know). */
  encrypted: boolean;
  forwardedProto: string | string[] | undefined;
}

/** Whether the browser reached Duet over HTTPS, so HSTS means something (browsers ignore it over HTTP). */
export function servedOverTls({ siteUrl, trustProxy, encrypted, forwardedProto }: TransportFacts): boolean {
  if (encrypted || siteUrl.startsWith("https:")) return true;
  const proto = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return trustProxy && proto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The headers every response carries; a page's CSP then replaces the baseline one. */
export function baselineSecurityHeaders({ tls }: { tls: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": BASELINE_CONTENT_SECURITY_POLICY,
    // Room links are secrets: no page, request or link click tells anyone where it came from.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    ...(tls && { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY }),
  };
}
