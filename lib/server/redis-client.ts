import { createClient } from "redis";
import type { TLogger } from "./logger";

export type TRedisClient = ReturnType<typeof createClient>;

const CACHE_KEY = Symbol.for("duet.redis.client");
type TGlobalWithRedis = typeof globalThis & { [CACHE_KEY]?: Promise<TRedisClient> };

/**
 * One connected Redis client per process, shared (through globalThis) by server.ts's
 * Socket.IO adapter and Next's bundled route handlers such as /api/ready.
 */
export function getRedisClient(url: string, logger?: TLogger): Promise<TRedisClient> {
  const store = globalThis as TGlobalWithRedis;
  store[CACHE_KEY] ??= (async () => {
    const client: TRedisClient = createClient({ url });
    // Without a listener node-redis throws on connection errors; it reconnects by itself.
    client.on("error", (error: unknown) => logger?.warn({ err: error }, "redis connection error"));
    await client.connect();
    return client;
  })();
  return store[CACHE_KEY];
}
