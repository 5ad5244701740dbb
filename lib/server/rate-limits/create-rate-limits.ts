import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/shared/errors";
import { describeRetryAfter } from "@/lib/shared/retry-after";
import type { TRedisClient } from "../redis-client";
import { LIMITS, type TLimitConfig, type TLimitConfigs, type TLimitName } from "./limit-names";
import type { TLimitSpec } from "./limit-spec";

export interface TRateLimits {
  /** Counts one action by `key`; over the limit, throws RATE_LIMITED with retryAfterMs and words saying when. */
  consume(name: TLimitName, key: string): Promise<void>;
  /** Forgets what `key` has spent (a successful sign-in clears its failed attempts). */
  reset(name: TLimitName, key: string): Promise<void>;
}

export interface CreateRateLimitsOptions {
  limits: TLimitConfigs;
  /** Several nodes: counters live in Redis, so a limit holds across all of them. */
  redis?: TRedisClient | null;
  /** Redis key prefix; tests isolate their runs with it. */
  keyPrefix?: string;
}

type TLimiter = Pick<RateLimiterAbstract, "consume" | "delete"> | BurstyRateLimiter;

/**
 * Fixed-window counters from rate-limiter-flexible. With Redis, each limiter falls back to
 * per-node memory counters while Redis is unreachable (rejectIfRedisNotReady + insuranceLimiter)
 * instead of waiting on a queued command or failing open.
 */
export function createRateLimits({ limits, redis, keyPrefix = "duet:rl" }: CreateRateLimitsOptions): TRateLimits {
  const build = (name: string, spec: TLimitSpec): RateLimiterAbstract | null => {
    if (!spec) return null;
    const options = { keyPrefix: `${keyPrefix}:${name}`, points: spec.points, duration: spec.durationSec };
    const memory = new RateLimiterMemory(options);
    if (!redis) return memory;
    return new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  };
  const limiters = new Map<TLimitName, { steady: RateLimiterAbstract; limiter: TLimiter; burst: RateLimiterAbstract | null }>();
  for (const [name, { steady, burst }] of Object.entries(limits) as Array<[TLimitName, TLimitConfig]>) {
    const steadyLimiter = build(name, steady);
    if (!steadyLimiter) continue;
    const burstLimiter = build(`${name}-burst`, burst);
    const limiter = burstLimiter ? new BurstyRateLimiter(steadyLimiter, burstLimiter) : steadyLimiter;
    limiters.set(name, { steady: steadyLimiter, limiter, burst: burstLimiter });
  }

  return {
    async consume(name, key) {
      const entry = limiters.get(name);
      if (!entry) return;
      try {
        await entry.limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        throw rateLimited(name, rejection.msBeforeNext);
      }
    },
    async reset(name, key) {
      const entry = limiters.get(name);
      if (!entry) return;
      await Promise.all([entry.steady.delete(key), entry.burst?.delete(key)]);
    },
  };
}

export function rateLimited(name: TLimitName, retryAfterMs: number): AppError {
  const wait = Math.max(1, Math.ceil(retryAfterMs));
  return new AppError("RATE_LIMITED", `${LIMITS[name].refusal} Try again ${describeRetryAfter(wait)}.`, undefined, wait);
}
