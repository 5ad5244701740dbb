import { env } from "../env";
import { logger } from "../logger-instance";
import { processSingleton } from "../process-singleton";
import { getRedisClient } from "../redis-client";
import { createRateLimits, type TRateLimits } from "./create-rate-limits";
import { limitConfigsFromEnv } from "./limit-names";

/**
 * The process's limits, configured from the environment: one set shared by server.ts (the
 * realtime server) and Next's bundled route handlers, so in-memory counters are not split
 * between two module copies. With REDIS_URL, every node shares the counters.
 */
export function getRateLimits(): TRateLimits {
  return processSingleton("rate-limits", () =>
    createRateLimits({ limits: limitConfigsFromEnv(env), redis: env.REDIS_URL ? getRedisClient(env.REDIS_URL, logger) : null }),
  );
}
