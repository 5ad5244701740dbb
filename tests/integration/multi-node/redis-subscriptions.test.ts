import { createRoom } from "@/lib/server/rooms/create-room";
import { createRoomsRedisAdapter } from "@/lib/server/realtime/redis-streams-adapter";
import type { TRedisClient } from "@/lib/server/redis-client";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, startRealtimeServer, testRateLimits, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connectTestRedis, isolatedAdapterNames } from "../../helpers/test-redis";
import { waitFor } from "../../helpers/wait-for";

const ROOMS = 1000;
const AT_ONCE = 25;

jest.setTimeout(120_000);

/**
 * A namespace per room means Redis state per room. The Redis server must hold only what the
 * rooms open right now need, however many rooms have come and gone.
 */
describe("Redis, as rooms come and go on two nodes", () => {
  let database: TestDatabase;
  let probe: TRedisClient;
  const nodeClients: TRedisClient[] = [];
  let nodes: TestRealtimeServer[];
  let names: ReturnType<typeof isolatedAdapterNames>;
  let owner: TPublicUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await connectTestRedis();
    names = isolatedAdapterNames();
    nodes = [];
    for (let i = 0; i < 2; i++) {
      const redis = await connectTestRedis();
      nodeClients.push(redis);
      // A thousand rooms from one address in seconds: far beyond the handshake limit, by design.
      const rateLimits = testRateLimits({ RATE_LIMIT_HANDSHAKE_IP: "off" });
      nodes.push(await startRealtimeServer(database.db, { adapter: createRoomsRedisAdapter(redis, names) }, { rateLimits }));
    }
    [owner] = await seedUsers(database.db, ["Owner"]);
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await Promise.all([...nodeClients, probe].map((client) => client.quit()));
    await database.cleanup();
  });

  async function redisFootprint() {
    const channels = (await probe.sendCommand(["PUBSUB", "CHANNELS", `${names.channelPrefix}*`])) as string[];
    const patterns = Number(await probe.sendCommand(["PUBSUB", "NUMPAT"]));
    const streams = await probe.keys(`${names.streamName}*`);
    return { channels: channels.length, patterns, streams: streams.length };
  }

  async function openAndCloseRoom(index: number, cookie: string) {
    const room = await createRoom(database.db, { ownerId: owner.id, name: `room ${index}` });
    // Each room is opened on both nodes, as when its two members sit on different ones.
    const sockets = await Promise.all(nodes.map((node) => connected(node.client(room.id, { cookie }))));
    sockets.forEach((socket) => socket.disconnect());
  }

  it(`holds no more subscriptions after ${ROOMS} rooms were opened and closed than before`, async () => {
    const cookie = await sessionCookie(database.db, owner);
    // The first room creates the one stream every room shares; measure from there.
    await openAndCloseRoom(-1, cookie);
    await waitFor(() => nodes.every((node) => node.openRooms() === 0), "the first room to close");
    const before = await redisFootprint();
    expect(before.streams).toBe(1);
    for (let start = 0; start < ROOMS; start += AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, ROOMS - start) }, (_, i) => openAndCloseRoom(start + i, cookie)));
    }
    await waitFor(() => nodes.every((node) => node.openRooms() === 0), "every room namespace to close");
    // Unsubscribing is asynchronous; wait for Redis to agree, then compare.
    await waitFor(async () => (await redisFootprint()).channels <= before.channels, "Redis channels back to the start", 10_000);
    expect(await redisFootprint()).toEqual(before);
    // The shared stream is trimmed (MAXLEN ~ 10,000), so it stays bounded too.
    expect(Number(await probe.xLen(names.streamName))).toBeLessThanOrEqual(10_100);
  });
});
