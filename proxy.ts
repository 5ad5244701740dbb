import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageContentSecurityPolicy } from "@/lib/server/http/security-headers";

/**
 * A fresh script nonce per page. Next reads the nonce from the request's CSP header and puts
 * it on its own scripts; the response carries the same policy. Every other header (and the
 * baseline CSP of what is not a page) comes from server.ts, for responses Next alone answers.
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy({
    nonce: createNonce(),
    host: request.headers.get("host"),
    // Next inlines NODE_ENV into this bundle; the env module is not for Proxy's runtime.
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes, build assets, the icon and the manifest keep server.ts's baseline policy.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg|manifest.webmanifest).*)"],
};
