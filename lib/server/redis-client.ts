import type { createClient } from "redis";
import type { TLogger } from "./logger";

export type TRedisClient = ReturnType<typeof createClient>;

const clients = new Map<string, TRedisClient>();

function clientFor(key: string, url: string, logger?: TLogger): TRedisClient {
  let client = clients.get(key);
  if (!client) clients.set(key, (client = connectInBackground(url, logger)));
  return client;
}

/**
 * node-redis, loaded on first use: a single node (no REDIS_URL, the default) never needs it,
 * and loading it costs ~20 MB of resident memory.
 */
function loadRedis(): typeof import("redis") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use, see above
  return require("redis") as typeof import("redis");
}

/**
 * One Redis client per process, shared by the Socket.IO adapter, the rate limits and
 * /api/ready. It connects in the background and keeps reconnecting:
 * an unreachable Redis makes the node not ready (503), not a crash loop.
 */
export function getRedisClient(url: string, logger?: TLogger): TRedisClient {
  return clientFor(`commands:${url}`, url, logger);
}

/**
 * The process's second connection, for the Socket.IO adapter's subscriptions: a connection in
 * subscriber mode can run no other command.
 */
export function getRedisSubscriber(url: string, logger?: TLogger): TRedisClient {
  return clientFor(`subscriber:${url}`, url, logger);
}

function connectInBackground(url: string, logger?: TLogger): TRedisClient {
  const client: TRedisClient = loadRedis().createClient({
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
