import { connectivityVerdict } from "@/lib/client/connectivity/connectivity-verdict";
import type { TNetworkResults, TTurnProbeResult } from "@/lib/client/connectivity/types";

const websocket = { transport: "websocket", refusal: null } as const;
const relay = (transport: TTurnProbeResult["transport"], ok: boolean, errorCodes: number[] = []): TTurnProbeResult => ({
  transport,
  relay: ok,
  errorCodes,
});

function verdict(overrides: Partial<TNetworkResults>) {
  return connectivityVerdict({ signaling: websocket, stun: { configured: true, srflx: false }, turn: [], ...overrides });
}

describe("connectivityVerdict", () => {
  it("says calls connect directly when STUN reflected a public address, mentioning the relay for strict networks", () => {
    const result = verdict({ stun: { configured: true, srflx: true }, turn: [relay("udp", true)] });
    expect(result).toMatchObject({ tone: "pass", headline: "Calls will connect directly." });
    expect(result.detail).toMatch(/strict.*relay/);
  });

  it("still says calls connect directly without any TURN server, but warns when a configured relay is unusable", () => {
    expect(verdict({ stun: { configured: true, srflx: true } })).toMatchObject({ tone: "pass", headline: "Calls will connect directly." });
    const broken = verdict({ stun: { configured: true, srflx: true }, turn: [relay("udp", false, [401])] });
    expect(broken).toMatchObject({ tone: "warn", headline: "Calls will connect directly." });
  });

  it("says calls go through the relay when UDP to STUN failed but the relay allocated over UDP", () => {
    expect(verdict({ turn: [relay("udp", true), relay("tcp", true)] })).toMatchObject({ tone: "pass", headline: "Calls will go through the relay." });
  });

  it("says calls go through the relay over TCP when only TCP or TLS allocations worked", () => {
    expect(verdict({ turn: [relay("udp", false), relay("tcp", true)] }).headline).toBe("Calls will go through the relay over TCP.");
    expect(verdict({ turn: [relay("udp", false), relay("tls", true)] }).headline).toBe("Calls will go through the relay over TCP.");
  });

  it("says calls fail and asks for TURN when UDP is blocked and no relay is configured", () => {
    expect(verdict({})).toMatchObject({
      tone: "fail",
      headline: "Calls from this network will fail: UDP is blocked and no relay is configured; ask whoever runs Duet to set up TURN.",
    });
  });

  it("says calls fail when a configured relay can't be reached", () => {
    const result = verdict({ turn: [relay("udp", false), relay("tcp", false)] });
    expect(result).toMatchObject({ tone: "fail", headline: "Calls from this network will fail: the relay server can't be reached." });
  });

  it("names refused credentials (401), and what the operator should check, when the relay refused them", () => {
    const result = verdict({ turn: [relay("udp", false, [401]), relay("tcp", false, [401])] });
    expect(result.tone).toBe("fail");
    expect(result.headline).toMatch(/^Calls from this network will fail: the relay server can't be reached/);
    expect(result.headline).toContain("401");
    expect(result.headline).toContain("TURN_SECRET");
    expect(result.headline).toContain("clocks");
  });

  it("says calls connect only on the same network when neither STUN nor TURN is configured", () => {
    expect(verdict({ stun: { configured: false, srflx: false } })).toMatchObject({
      tone: "warn",
      headline: "Calls will connect only between people on the same network.",
    });
  });

  it("relies on the relay alone when only TURN is configured", () => {
    expect(verdict({ stun: { configured: false, srflx: false }, turn: [relay("udp", true)] }).headline).toBe("Calls will go through the relay.");
  });

  it("says calls fail when Duet's realtime server can't be reached at all, with the server's reason", () => {
    const result = verdict({
      signaling: { transport: null, refusal: "Duet didn't recognise your session. Sign in again." },
      stun: { configured: true, srflx: true },
    });
    expect(result).toMatchObject({ tone: "fail", detail: "Duet didn't recognise your session. Sign in again." });
    expect(result.headline).toMatch(/^Calls from this network will fail: Duet's realtime server can't be reached/);
  });

  it("opened without one of the person's rooms, says what STUN showed and why the relay is unknown, never that calls fail", () => {
    const notTested = { notTested: "The relay wasn't tested: open the check from a room to test the relay." };
    const direct = verdict({ stun: { configured: true, srflx: true }, turn: notTested });
    expect(direct).toMatchObject({ tone: "pass", headline: "Calls will connect directly.", detail: notTested.notTested });
    const blocked = verdict({ turn: notTested });
    expect(blocked).toMatchObject({ tone: "warn", headline: "Calls from this network need the relay: the STUN server didn't answer over UDP." });
    expect(blocked.detail).toBe(notTested.notTested);
    const noStun = verdict({ stun: { configured: false, srflx: false }, turn: notTested });
    expect(noStun).toMatchObject({ tone: "warn", headline: "Calls will connect only between people on the same network, unless the relay works." });
    expect(noStun.detail).toContain("open the check from a room");
  });

  it("keeps the network verdict when signaling works only over long-polling, and says so", () => {
    const result = verdict({ signaling: { transport: "polling", refusal: null }, turn: [relay("udp", true)] });
    expect(result.headline).toBe("Calls will go through the relay.");
    expect(result.detail).toMatch(/long-polling/);
  });
});
