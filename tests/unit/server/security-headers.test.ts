import {
  baselineSecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
  PERMISSIONS_POLICY,
  servedOverTls,
} from "@/lib/server/http/security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.slice(directive.indexOf(" ") + 1)]));
}

describe("createNonce", () => {
  it("makes 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("pageContentSecurityPolicy", () => {
  const production = pageContentSecurityPolicy({ nonce: "abc123", host: "duet.example.com", dev: false });

  it("runs only scripts with this response's nonce, or loaded by one", () => {
    expect(directives(production).get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).not.toContain("unsafe-inline");
  });

  it("allows eval and inline styles in development only", () => {
    const dev = pageContentSecurityPolicy({ nonce: "abc123", host: "localhost:3000", dev: true });
    expect(directives(dev).get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic' 'unsafe-eval'");
    expect(directives(dev).get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives(production).get("style-src")).toBe("'self' 'nonce-abc123'");
  });

  it("lets the room socket reach the page's own host over ws: and wss:", () => {
    expect(directives(production).get("connect-src")).toBe("'self' ws://duet.example.com wss://duet.example.com");
    const local = pageContentSecurityPolicy({ nonce: "n", host: "[::1]:3000", dev: false });
    expect(directives(local).get("connect-src")).toBe("'self' ws://[::1]:3000 wss://[::1]:3000");
  });

  it.each([["a; script-src *"], ["evil.example/x"], ["a b"], [""]])("echoes no malformed Host (%j) into the policy", (host) => {
    expect(directives(pageContentSecurityPolicy({ nonce: "n", host, dev: false })).get("connect-src")).toBe("'self'");
  });

  it("forbids framing, plugins, base changes and foreign form targets", () => {
    const policy = directives(production);
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("img-src")).toBe("'self' data: blob:");
  });
});

describe("baselineSecurityHeaders", () => {
  it("sends no-referrer, nosniff, the permissions policy and a policy that runs nothing", () => {
    const headers = baselineSecurityHeaders({ tls: false });
    expect(headers).toEqual({
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "Referrer-Policy": "no-referrer",
      "Permissions-Policy": PERMISSIONS_POLICY,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
  });

  it("adds HSTS only over TLS", () => {
    expect(baselineSecurityHeaders({ tls: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("grants camera, microphone and screen to Duet itself and nothing else to anyone", () => {
    const grants = PERMISSIONS_POLICY.split(", ");
    expect(grants.filter((grant) => grant.endsWith("=(self)"))).toEqual(["camera=(self)", "microphone=(self)", "display-capture=(self)"]);
    expect(grants.every((grant) => /=\((self)?\)$/.test(grant))).toBe(true);
  });
});

describe("servedOverTls", () => {
  const http = { siteUrl: "http://localhost:3000", trustProxy: false, encrypted: false, forwardedProto: undefined };

  it("is true for an https SITE_URL or a TLS connection", () => {
    expect(servedOverTls({ ...http, siteUrl: "https://duet.example.com" })).toBe(true);
    expect(servedOverTls({ ...http, encrypted: true })).toBe(true);
    expect(servedOverTls(http)).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverTls({ ...http, forwardedProto: "https" })).toBe(false);
    expect(servedOverTls({ ...http, trustProxy: true, forwardedProto: "https" })).toBe(true);
    expect(servedOverTls({ ...http, trustProxy: true, forwardedProto: "HTTPS, http" })).toBe(true);
    expect(servedOverTls({ ...http, trustProxy: true, forwardedProto: "http" })).toBe(false);
  });
});
