import { describeConnectError, readConnectRefusal, type TConnectError } from "@/lib/client/describe-connect-error";
import { encodeHandshakeRefusal, openDuetAtMessage } from "@/lib/shared/handshake-refusal";

/** An engine.io-client TransportError, as its transports build them. */
function transportError(reason: string, description: unknown, context?: unknown): TConnectError {
  return Object.assign(new Error(reason), { description, context, type: "TransportError" });
}

const forbiddenBody = (url: string) => ({
  status: 403,
  responseText: encodeHandshakeRefusal({ code: "FORBIDDEN", message: openDuetAtMessage(url) }),
});

describe("describeConnectError", () => {
  it("tells where to open Duet when long-polling was refused for the wrong address", () => {
    const error = transportError("xhr poll error", 403, forbiddenBody("https://duet.example.com"));
    expect(describeConnectError(error)).toBe("Duet refused the connection: open it at https://duet.example.com");
  });

  it("asks to sign in again when the handshake had no valid session", () => {
    const body = { status: 401, responseText: JSON.stringify({ code: "UNAUTHENTICATED", message: "Sign in to join a room" }) };
    expect(describeConnectError(transportError("xhr poll error", 401, body))).toBe("Duet didn't recognise your session. Sign in again.");
  });

  it("still explains a refusal whose body is no longer readable (fetch transport, aborted request)", () => {
    expect(describeConnectError(transportError("fetch read error", 403, {}))).toMatch(/^Duet refused the connection/);
    expect(describeConnectError(transportError("xhr poll error", 403, { responseText: "" }))).toMatch(/^Duet refused the connection/);
  });

  it("reads the status of a refused WebSocket in Node (ws)", () => {
    const event = { type: "error", message: "Unexpected server response: 401" };
    expect(describeConnectError(transportError("websocket error", event))).toBe("Duet didn't recognise your session. Sign in again.");
  });

  it("says when to try again after too many connections, and that retrying then will work", () => {
    const body = {
      status: 429,
      responseText: encodeHandshakeRefusal({
        code: "RATE_LIMITED",
        message: "Too many connections from your network. Try again in 38 seconds.",
        retryAfterMs: 37_200,
      }),
    };
    expect(readConnectRefusal(transportError("xhr poll error", 429, body))).toEqual({
      message: "Too many connections from your network. Try again in 38 seconds.",
      retryAfterMs: 37_200,
    });
  });

  it("still says to try again within the limit's window when a 429's body is unreadable", () => {
    expect(readConnectRefusal(transportError("fetch read error", 429, {}))).toEqual({
      message: "Too many connections from your network. Try again in 1 minute.",
      retryAfterMs: 60_000,
    });
    const event = { type: "error", message: "Unexpected server response: 429" };
    expect(describeConnectError(transportError("websocket error", event))).toBe("Too many connections from your network. Try again in 1 minute.");
  });

  it("never offers a retry for a wrong address or a missing session", () => {
    expect(readConnectRefusal(transportError("xhr poll error", 403, forbiddenBody("https://duet.example.com")))?.retryAfterMs).toBeNull();
    expect(readConnectRefusal(transportError("xhr poll error", 401, { responseText: "" }))?.retryAfterMs).toBeNull();
  });

  it("does not name an address that is not an http(s) URL", () => {
    const error = transportError("xhr poll error", 403, forbiddenBody("javascript:alert(1)"));
    expect(describeConnectError(error)).not.toContain("javascript");
  });

  it("returns null for a browser WebSocket failure, whose status the browser hides", () => {
    expect(describeConnectError(transportError("websocket error", { type: "error" }))).toBeNull();
  });

  it("returns null for network trouble and for refusals by a room namespace", () => {
    expect(describeConnectError(transportError("xhr poll error", 0, { responseText: "" }))).toBeNull();
    expect(describeConnectError(transportError("xhr poll error", 502))).toBeNull();
    expect(describeConnectError(new Error("Invalid namespace"))).toBeNull();
    expect(describeConnectError(new Error("timeout"))).toBeNull();
  });
});
