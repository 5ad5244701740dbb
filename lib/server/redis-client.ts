import { createClient } from "redis";
import type { TLogger } from "./logger";
import { processSingleton } from "./process-singleton";

export type TRedisClient = ReturnType<typeof createClient>;

/**
 * One Redis client per process, shared by server.ts's Socket.IO adapter and Next's bundled
 * route handlers such as /api/ready. It connects in the background and keeps reconnecting:
 * an unreachable Redis makes the node not ready (503), not a crash loop.
 */
export function getRedisClient(url: string, logger?: TLogger): TRedisClient {
  return processSingleton(`redis:${url}`, () => connectInBackground(url, logger));
}

/**
 * The process's second connection, for the Socket.IO adapter's subscriptions: a connection in
 * subscriber mode can run no other command.
 */
export function getRedisSubscriber(url: string, logger?: TLogger): TRedisClient {
  return processSingleton(`redis-subscriber:${url}`, () => connectInBackground(url, logger));
}

function connectInBackground(url: string, logger?: TLogger): TRedisClient {
  const client: TRedisClient = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let reported = false;
  client.on("error", (error: unknown) => {
    // Once per outage, not once per reconnect attempt.
    if (!reported) logger?.error({ err: error }, "redis unreachable; retrying");
    reported = true;
  });
  client.on("ready", () => {
    if (reported) logger?.info("redis reachable again");
    reported = false;
  });
  client.connect().catch(() => {});
  return client;
}

/** Closes the client: gracefully when connected, at once when it is still trying to reconnect. */
export async function closeRedisClient(client: TRedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) await client.close();
  else client.destroy();
}
