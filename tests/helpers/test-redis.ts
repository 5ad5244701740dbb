import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { createRoomsRedisAdapter } from "@/lib/server/realtime/redis-rooms-adapter";
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

/** The channel prefix of one test run, so runs never see each other's traffic. */
export function isolatedAdapterNames() {
  return { channelPrefix: `duet-test-${randomUUID().slice(0, 8)}` };
}

/** One node's rooms adapter, on two connections of its own (publisher, subscriber) to quit afterwards. */
export async function testRoomsAdapter(names: ReturnType<typeof isolatedAdapterNames>) {
  const [publisher, subscriber] = [await connectTestRedis(), await connectTestRedis()];
  return { adapter: createRoomsRedisAdapter(publisher, subscriber, names), clients: [publisher, subscriber] };
}
