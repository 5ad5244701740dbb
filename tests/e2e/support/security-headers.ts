import { expect } from "./test";

/** What every response of Duet carries over plain HTTP, whoever answered it. */
export function expectBaselineHeaders(headers: Headers, what: string): void {
  expect(headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("permissions-policy"), what).toMatch(/^camera=\(self\), microphone=\(self\), display-capture=\(self\), /);
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("x-powered-by"), what).toBeNull();
  // Loopback is plain HTTP: HSTS would be ignored, and Duet does not send it.
  expect(headers.get("strict-transport-security"), what).toBeNull();
}

/** The CSP of anything that is not a page: it may load and run nothing itself. */
export const BASELINE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
