import type { IncomingMessage, ServerResponse } from "node:http";
import { baselineSecurityHeaders, servedOverTls } from "./security-headers";

export interface SecurityHeaderOptions {
  siteUrl: string;
  /** Only behind a proxy we run may X-Forwarded-Proto be believed. */
  trustProxy: boolean;
}

/** The baseline security headers for one request, whoever answers it (Next or Socket.IO). */
export function createSecurityHeaders({ siteUrl, trustProxy }: SecurityHeaderOptions) {
  return (req: IncomingMessage): Record<string, string> =>
    baselineSecurityHeaders({
      tls: servedOverTls({
        siteUrl,
        trustProxy,
        encrypted: "encrypted" in req.socket && req.socket.encrypted === true,
        forwardedProto: req.headers["x-forwarded-proto"],
      }),
    });
}

/** Sets them on a response before Next writes it; a page's proxy-made CSP replaces the baseline one. */
export function sendSecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
