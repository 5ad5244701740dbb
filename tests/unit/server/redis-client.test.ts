import { EventEmitter } from "node:events";

const mockRedis = { loaded: false, urls: [] as string[] };

jest.mock("redis", () => {
  mockRedis.loaded = true;
  return {
    createClient: ({ url }: { url: string }) => {
      mockRedis.urls.push(url);
      return Object.assign(new EventEmitter(), { connect: () => Promise.resolve() });
    },
  };
});

describe("the Redis client", () => {
  it("loads node-redis only when a node first asks for a Redis client", async () => {
    const { getRedisClient } = await import("@/lib/server/redis-client");
    // A single node (no REDIS_URL) never gets this far, so never pays for loading node-redis.
    expect(mockRedis.loaded).toBe(false);

    const url = "redis://redis-client-test.invalid:6379";
    const client = getRedisClient(url);
    expect(mockRedis.loaded).toBe(true);
    expect(mockRedis.urls).toEqual([url]);
    // One client per URL for the whole process.
    expect(getRedisClient(url)).toBe(client);
  });
});
