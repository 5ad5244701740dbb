import { env } from "../env";
import { logger } from "../logger-instance";
import { getRedisClient } from "../redis-client";
import { createRateLimits, type TRateLimits } from "./create-rate-limits";
import { limitConfigsFromEnv } from "./limit-names";

let rateLimits: TRateLimits | undefined;

/**
 * The process's limits, configured from the environment on first use: one set for the realtime
 * server and the route handlers alike. With REDIS_URL, every node shares the counters.
 */
export function getRateLimits(): TRateLimits {
  rateLimits ??= createRateLimits({ limits: limitConfigsFromEnv(env), redis: env.REDIS_URL ? getRedisClient(env.REDIS_URL, logger) : null });
  return rateLimits;
}
