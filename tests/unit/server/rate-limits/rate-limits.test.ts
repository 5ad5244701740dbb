import { parseEnv } from "@/lib/server/env/env-schema";
import { createRateLimits } from "@/lib/server/rate-limits/create-rate-limits";
import { limitConfigsFromEnv } from "@/lib/server/rate-limits/limit-names";
import { countSignInAttempt, forgetSignInFailures } from "@/lib/server/rate-limits/sign-in-limits";
import { AppError } from "@/lib/shared/errors";

function limits(env: Record<string, string>) {
  return createRateLimits({ limits: limitConfigsFromEnv(parseEnv(env)) });
}

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("rate limits in memory", () => {
  afterEach(() => jest.useRealTimers());

  it("allows the configured number of actions, then refuses with when to retry in words and milliseconds", async () => {
    const rateLimits = limits({ RATE_LIMIT_ROOM_CREATE: "3/1h" });
    for (let i = 0; i < 3; i++) await rateLimits.consume("roomCreate", "ada");
    const error = await refusal(rateLimits.consume("roomCreate", "ada"));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterMs).toBeGreaterThan(59 * 60_000);
    expect(error.message).toBe("You have created many rooms in a short time. Try again in 1 hour.");
    expect(error.toBody()).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: error.retryAfterMs });
  });

  it("counts each key on its own", async () => {
    const rateLimits = limits({ RATE_LIMIT_TURN: "1/1m" });
    await rateLimits.consume("turn", "ada");
    await expect(rateLimits.consume("turn", "ben")).resolves.toBeUndefined();
  });

  it("recovers once the window has passed", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate"] });
    const rateLimits = limits({ RATE_LIMIT_SIGN_UP_IP: "2/10s" });
    await rateLimits.consume("signUp", "203.0.113.9");
    await rateLimits.consume("signUp", "203.0.113.9");
    await refusal(rateLimits.consume("signUp", "203.0.113.9"));
    jest.advanceTimersByTime(10_001);
    await expect(rateLimits.consume("signUp", "203.0.113.9")).resolves.toBeUndefined();
  });

  it("lets a burst through on top of the steady rate, and no more", async () => {
    const rateLimits = limits({ RATE_LIMIT_CHAT: "2/10s", RATE_LIMIT_CHAT_BURST: "3/1m" });
    for (let i = 0; i < 5; i++) await rateLimits.consume("chat", "ada");
    const error = await refusal(rateLimits.consume("chat", "ada"));
    expect(error.message).toMatch(/^You are sending messages too fast\. Try again in \d+ seconds\.$/);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it("enforces nothing for a limit set to off", async () => {
    const rateLimits = limits({ RATE_LIMIT_HANDSHAKE_IP: "off" });
    for (let i = 0; i < 500; i++) await rateLimits.consume("handshake", "127.0.0.1");
  });

  it("slows guessing one account from one address while its owner, elsewhere, still signs in", async () => {
    const rateLimits = limits({ RATE_LIMIT_SIGN_IN_ACCOUNT_IP: "3/15m", RATE_LIMIT_SIGN_IN_ACCOUNT: "10/1h" });
    const guesser = { email: "ada@example.test", ip: "198.51.100.1" };
    for (let i = 0; i < 3; i++) await countSignInAttempt(rateLimits, guesser);
    expect((await refusal(countSignInAttempt(rateLimits, guesser))).message).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    await expect(countSignInAttempt(rateLimits, { email: "ada@example.test", ip: "203.0.113.9" })).resolves.toBeUndefined();
  });

  it("refuses one address sweeping many accounts", async () => {
    const rateLimits = limits({ RATE_LIMIT_SIGN_IN_IP: "4/1h" });
    for (let i = 0; i < 4; i++) await countSignInAttempt(rateLimits, { email: `p${i}@example.test`, ip: "198.51.100.1" });
    await refusal(countSignInAttempt(rateLimits, { email: "p9@example.test", ip: "198.51.100.1" }));
  });

  it("forgets a person's typos once they sign in", async () => {
    const rateLimits = limits({ RATE_LIMIT_SIGN_IN_ACCOUNT_IP: "2/15m" });
    const ada = { email: "ada@example.test", ip: "203.0.113.9" };
    await countSignInAttempt(rateLimits, ada);
    await countSignInAttempt(rateLimits, ada);
    await forgetSignInFailures(rateLimits, ada);
    await expect(countSignInAttempt(rateLimits, ada)).resolves.toBeUndefined();
  });
});
