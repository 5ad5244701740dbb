import { IceRecovery, type IceRecoveryHooks } from "@/lib/client/call/ice-recovery";
import { ICE_RESTART_POLICY } from "@/lib/client/call/ice-restart-policy";

function recovery(overrides: Partial<IceRecoveryHooks> = {}) {
  const calls = { restarts: 0, gaveUpAfter: null as number | null };
  let signaling = true;
  const hooks: IceRecoveryHooks = {
    polite: () => false,
    canSignal: () => signaling,
    restart: async () => void (calls.restarts += 1),
    onGiveUp: (attempts) => void (calls.gaveUpAfter = attempts),
    ...overrides,
  };
  return { subject: new IceRecovery(hooks), calls, setSignaling: (up: boolean) => void (signaling = up) };
}

describe("ICE recovery", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("leaves a short `disconnected` blip alone, and restarts once it lasts over 2 s", async () => {
    const { subject, calls } = recovery();
    subject.onConnectionState("disconnected");
    await jest.advanceTimersByTimeAsync(1_500);
    subject.onConnectionState("connected");
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls.restarts).toBe(0);

    subject.onConnectionState("disconnected");
    await jest.advanceTimersByTimeAsync(ICE_RESTART_POLICY.disconnectedGraceMs + 10);
    expect(calls.restarts).toBe(1);
  });

  it("restarts at once when ICE fails, and when the network changes", async () => {
    const { subject, calls } = recovery();
    subject.onConnectionState("failed");
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.restarts).toBe(1);
    subject.onConnectionState("connected");
    subject.onNetworkChange();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.restarts).toBe(2);
  });

  it("lets the polite side wait, so the two sides don't both restart", async () => {
    const { subject, calls } = recovery({ polite: () => true });
    subject.onConnectionState("failed");
    await jest.advanceTimersByTimeAsync(ICE_RESTART_POLICY.politeExtraDelayMs - 100);
    expect(calls.restarts).toBe(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(calls.restarts).toBe(1);
  });

  it("retries with backoff, then gives up after the last attempt", async () => {
    const { subject, calls } = recovery();
    subject.onConnectionState("failed");
    await jest.advanceTimersByTimeAsync(120_000);
    expect(calls.restarts).toBe(ICE_RESTART_POLICY.maxAttempts);
    expect(calls.gaveUpAfter).toBe(ICE_RESTART_POLICY.maxAttempts);
  });

  it("a restart that comes due while signaling is down waits for it, and happens when it's back", async () => {
    const { subject, calls, setSignaling } = recovery();
    setSignaling(false);
    subject.onConnectionState("failed");
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls.restarts).toBe(0);
    expect(calls.gaveUpAfter).toBeNull();
    setSignaling(true);
    subject.onSignalingResumed(false);
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.restarts).toBe(1);
  });

  it("does not restart a healthy connection when signaling comes back", async () => {
    const { subject, calls } = recovery();
    subject.onSignalingResumed(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls.restarts).toBe(0);
  });
});
