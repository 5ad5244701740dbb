import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import type { TRedisClient } from "@/lib/server/redis-client";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A connected client; an unreachable Redis is an error that says so, never a silent skip. */
export async function connectTestRedis(): Promise<TRedisClient> {
  const client: TRedisClient = createClient({ url: TEST_REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 3000 } });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`These tests need Redis at ${TEST_REDIS_URL} (set TEST_REDIS_URL): ${(error as Error).message}`);
  }
  return client;
}

/** Channel prefix and stream name of one test run, so runs never see each other's traffic. */
export function isolatedAdapterNames() {
  const id = randomUUID().slice(0, 8);
  // A short XREAD block lets a closed test server's stream reader stop promptly.
  return { channelPrefix: `duet-test-${id}`, streamName: `duet-test-${id}`, blockTimeInMs: 200 };
}
