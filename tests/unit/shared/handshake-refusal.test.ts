import { encodeHandshakeRefusal, openDuetAtMessage, parseHandshakeRefusal, siteOfOpenDuetAt } from "@/lib/shared/handshake-refusal";

describe("the body of a refused realtime handshake", () => {
  it("reads back what the server wrote, with and without when to retry", () => {
    const limited = {
      code: "RATE_LIMITED" as const,
      message: "Too many connections from your network. Try again in 1 minute.",
      retryAfterMs: 59_000,
    };
    expect(parseHandshakeRefusal(encodeHandshakeRefusal(limited))).toEqual(limited);
    const unauthenticated = { code: "UNAUTHENTICATED" as const, message: "Sign in to join a room" };
    expect(parseHandshakeRefusal(encodeHandshakeRefusal(unauthenticated))).toEqual(unauthenticated);
    expect(encodeHandshakeRefusal(unauthenticated)).not.toContain("retryAfterMs");
  });

  it("keeps only the refusal's own fields", () => {
    expect(parseHandshakeRefusal('{"code":"FORBIDDEN","message":"x","extra":true}')).toEqual({ code: "FORBIDDEN", message: "x" });
  });

  it("is null for anything else a refused request may carry", () => {
    for (const body of [
      "",
      "<html>502 Bad Gateway</html>",
      "null",
      "[]",
      '"FORBIDDEN"',
      '{"code":"NOPE","message":"x"}',
      '{"code":"toString","message":"x"}',
      '{"code":"FORBIDDEN"}',
      '{"code":"FORBIDDEN","message":7}',
      '{"code":"RATE_LIMITED","message":"x","retryAfterMs":"soon"}',
      '{"code":"RATE_LIMITED","message":"x","retryAfterMs":-1}',
    ]) {
      expect(parseHandshakeRefusal(body)).toBeNull();
    }
  });
});

describe("telling someone where Duet lives", () => {
  it("names SITE_URL's origin in the message and reads it back", () => {
    expect(siteOfOpenDuetAt(openDuetAtMessage("https://duet.example.com"))).toBe("https://duet.example.com");
    expect(siteOfOpenDuetAt(openDuetAtMessage("http://localhost:3000"))).toBe("http://localhost:3000");
  });

  it("reads no site from another message or from a non-http(s) address", () => {
    for (const message of [
      "Origin not allowed",
      "Sign in to join a room",
      openDuetAtMessage("javascript:alert(1)"),
      openDuetAtMessage("https://a.example b"),
      openDuetAtMessage(""),
    ]) {
      expect(siteOfOpenDuetAt(message)).toBeNull();
    }
  });
});
