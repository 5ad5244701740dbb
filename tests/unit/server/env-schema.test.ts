import { DEFAULT_STUN_URLS, InvalidEnvError, parseEnv } from "@/lib/server/env/env-schema";

describe("the environment", () => {
  it("defaults to the embedded SQLite database on port 3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/duet.db", PORT: 3000, TURN_URLS: [], TURN_TTL_SECONDS: 3600 });
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://db" }, "DATABASE_URL"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ TURN_URLS: "turn:turn.example:3478" }, "TURN_SECRET"],
    [{ STUN_URLS: "http://stun.example" }, "STUN_URLS"],
    [{ REDIS_URL: "redis://127.0.0.1:6379" }, "AUTH_SECRET"],
    [{ GITHUB_ID: "abc" }, "GITHUB_SECRET"],
    [{ RATE_LIMIT_CHAT: "ten a minute" }, "RATE_LIMIT_CHAT"],
    [{ RATE_LIMIT_TURN: "0/1m" }, "RATE_LIMIT_TURN"],
    [{ PASSWORD_HASH_CONCURRENCY: "0" }, "PASSWORD_HASH_CONCURRENCY"],
    [{ HTTP_BODY_LIMIT_BYTES: "64k" }, "HTTP_BODY_LIMIT_BYTES"],
    [{ HTTP_BODY_LIMIT_BYTES: "1024" }, "HTTP_BODY_LIMIT_BYTES"],
  ])("names the variable that is wrong (%o)", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as InvalidEnvError).problems.some((line) => line.startsWith(`${variable}:`))).toBe(true);
    }
  });

  it("accepts request bodies of up to 64 KiB unless told otherwise", () => {
    expect(parseEnv({}).HTTP_BODY_LIMIT_BYTES).toBe(65_536);
    expect(parseEnv({ HTTP_BODY_LIMIT_BYTES: "16384" }).HTTP_BODY_LIMIT_BYTES).toBe(16_384);
  });

  it("gives browsers a public STUN server by default, so people behind two home routers can connect", () => {
    expect(parseEnv({}).STUN_URLS).toEqual([DEFAULT_STUN_URLS]);
    expect(DEFAULT_STUN_URLS).toMatch(/^stun:/);
  });

  it("lets the operator replace the STUN servers, or turn them off with an empty value", () => {
    expect(parseEnv({ STUN_URLS: "stun:stun.internal:3478" }).STUN_URLS).toEqual(["stun:stun.internal:3478"]);
    expect(parseEnv({ STUN_URLS: "" }).STUN_URLS).toEqual([]);
  });

  it("reads comma-separated ICE server lists", () => {
    const env = parseEnv({ TURN_URLS: "turn:a.example:3478?transport=udp, turns:a.example:5349", TURN_SECRET: "x" });
    expect(env.TURN_URLS).toEqual(["turn:a.example:3478?transport=udp", "turns:a.example:5349"]);
  });

  it("reads a limit as actions per duration, or off", () => {
    const env = parseEnv({ RATE_LIMIT_CHAT: "5/30s", RATE_LIMIT_TURN: "off" });
    expect(env.RATE_LIMIT_CHAT).toEqual({ points: 5, durationSec: 30 });
    expect(env.RATE_LIMIT_TURN).toBeNull();
    expect(env.RATE_LIMIT_SIGN_IN_ACCOUNT_IP).toEqual({ points: 10, durationSec: 900 });
  });
});
