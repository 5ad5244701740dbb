/**
 * Redis subscriptions as rooms come and go on two nodes (the owner on one, the guest on the
 * other): PUBSUB SHARDCHANNELS / CHANNELS (this run's channel prefix) and NUMPAT (server-wide)
 * before, at the peak while rooms open and close, and after every room namespace has closed.
 */
import type { TRedisClient } from "../../../lib/server/redis-client";
import { roomNamespace } from "../../../lib/shared/paths";
import { connectTestRedis, isolatedAdapterNames } from "../../../tests/helpers/test-redis";
import { waitFor } from "../../../tests/helpers/wait-for";
import { spawnChild } from "./child";
import type { TChurnMembers, TChurnResult, TChurnRoom } from "./churn";
import type { TServerCounts } from "./duet-server";
import { options } from "./options";
import type { TSeededRoom } from "./seed-bulk";

export interface TRedisFootprint {
  shardChannels: number;
  channels: number;
  patterns: number;
}

export interface TRedisRun {
  before: TRedisFootprint;
  peak: TRedisFootprint;
  after: TRedisFootprint;
  churn: TChurnResult;
}

const SAMPLE_MS = 250;

async function footprint(redis: TRedisClient, prefix: string): Promise<TRedisFootprint> {
  const count = async (kind: "SHARDCHANNELS" | "CHANNELS") => ((await redis.sendCommand(["PUBSUB", kind, `${prefix}*`])) as string[]).length;
  return {
    shardChannels: await count("SHARDCHANNELS"),
    channels: await count("CHANNELS"),
    patterns: Number(await redis.sendCommand(["PUBSUB", "NUMPAT"])),
  };
}

const larger = (a: TRedisFootprint, b: TRedisFootprint): TRedisFootprint => ({
  shardChannels: Math.max(a.shardChannels, b.shardChannels),
  channels: Math.max(a.channels, b.channels),
  patterns: Math.max(a.patterns, b.patterns),
});

/** The same reading three times in a row, SAMPLE_MS apart. */
async function settled(read: () => Promise<TRedisFootprint>): Promise<TRedisFootprint> {
  let last = await read();
  for (let same = 0; same < 2;) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    const now = await read();
    same = JSON.stringify(now) === JSON.stringify(last) ? same + 1 : 0;
    last = now;
  }
  return last;
}

/** `rooms` must share one owner and one guest (seedRooms with members: "shared"). */
export async function measureRedisChurn(databaseUrl: string, rooms: TSeededRoom[]): Promise<TRedisRun> {
  const { channelPrefix } = isolatedAdapterNames();
  const redis = await connectTestRedis();
  const nodes = [spawnChild("duet-server.ts"), spawnChild("duet-server.ts")];
  const client = spawnChild("load-client.ts");
  try {
    const urls = await Promise.all(
      nodes.map(
        async (node) => (await node.request<{ url: string }>("start", { databaseUrl, limits: "off", redisChannelPrefix: channelPrefix })).url,
      ),
    );
    // Both nodes up, no room open: what the nodes hold for themselves (their main namespace's
    // channels). They subscribe asynchronously after start, so wait for the count to settle.
    const before = await settled(() => footprint(redis, channelPrefix));
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = larger(peak, await footprint(redis, channelPrefix));
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();
    const churnRooms: TChurnRoom[] = rooms.map((room) => ({ namespace: roomNamespace(room.roomId) }));
    const members: TChurnMembers = { ownerCookie: rooms[0]!.owner.cookie, guestCookie: rooms[0]!.guest!.cookie };
    const churn = await client.request<TChurnResult>("churn", { urls, members, rooms: churnRooms, concurrency: options.redisConcurrency });
    await waitFor(
      async () => (await Promise.all(nodes.map((node) => node.request<TServerCounts>("counts")))).every((counts) => counts.rooms === 0),
      "every room namespace to close",
      30_000,
    );
    // Unsubscribing is asynchronous: wait for Redis to agree (or time out and report what it still holds).
    await waitFor(
      async () => (await footprint(redis, channelPrefix)).shardChannels <= before.shardChannels,
      "Redis channels back to the start",
      10_000,
    ).catch(() => {});
    sampling = false;
    await sampler;
    const after = await footprint(redis, channelPrefix);
    return { before, peak, after, churn };
  } finally {
    await Promise.all([client, ...nodes].map((child) => child.stop()));
    await redis.quit();
  }
}
