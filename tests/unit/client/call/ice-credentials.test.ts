import { IceCredentials } from "@/lib/client/call/ice-credentials";
import type { TIceConfig } from "@/lib/shared/turn";

const TTL_SECONDS = 100;

function credentials(load: () => Promise<TIceConfig>) {
  const refreshed: TIceConfig[] = [];
  return { subject: new IceCredentials(load, (config) => void refreshed.push(config)), refreshed };
}

/** A loader handing out numbered sets; `fail` makes the next load fail. */
function loader() {
  const state = { loads: 0, fail: false };
  const load = async (): Promise<TIceConfig> => {
    state.loads += 1;
    if (state.fail) throw new Error("Can't reach Duet");
    return { iceServers: [{ urls: `turn:turn.example.test?set=${state.loads}` }], ttlSeconds: TTL_SECONDS };
  };
  return { load, state };
}

describe("ICE credentials", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("warmed ahead of joining, are ready on join without another request", async () => {
    const { load, state } = loader();
    const { subject } = credentials(load);
    subject.warm();
    const started = subject.start();
    expect(await started).toEqual(subject.current);
    expect(state.loads).toBe(1);
    expect(await subject.start()).toEqual(subject.current);
    expect(state.loads).toBe(1);
  });

  it("stay fresh while warm: refreshed at 80 % of their lifetime, so a late join gets a valid set", async () => {
    const { load, state } = loader();
    const { subject, refreshed } = credentials(load);
    subject.warm();
    await jest.advanceTimersByTimeAsync(TTL_SECONDS * 800 + 10);
    expect(state.loads).toBe(2);
    expect(refreshed).toHaveLength(1);
    expect(await subject.start()).toBe(refreshed[0]);
    expect(state.loads).toBe(2);
  });

  it("fetched again on join when warming failed, and that failure is the join's to report", async () => {
    const { load, state } = loader();
    const { subject } = credentials(load);
    state.fail = true;
    subject.warm();
    await jest.advanceTimersByTimeAsync(0);
    await expect(subject.start()).rejects.toThrow("Can't reach Duet");
    state.fail = false;
    await expect(subject.start()).resolves.toMatchObject({ ttlSeconds: TTL_SECONDS });
    expect(state.loads).toBe(3);
  });

  it("stopped while a load is under way, do not start refreshing when it lands", async () => {
    const { load, state } = loader();
    const { subject } = credentials(load);
    subject.warm();
    subject.stop();
    await jest.advanceTimersByTimeAsync(TTL_SECONDS * 3_000);
    expect(state.loads).toBe(1);
  });
});
