import type { TRedisClient } from "@/lib/server/redis-client";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, startRealtimeServer, testRateLimits, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connectTestRedis, isolatedAdapterNames, testRoomsAdapter } from "../../helpers/test-redis";
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
  let guest: TPublicUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await connectTestRedis();
    names = isolatedAdapterNames();
    nodes = [];
    for (let i = 0; i < 2; i++) {
      const { adapter, clients } = await testRoomsAdapter(names);
      nodeClients.push(...clients);
      // A thousand rooms from one address in seconds: far beyond the handshake limit, by design.
      const rateLimits = testRateLimits({ RATE_LIMIT_HANDSHAKE_IP: "off" });
      nodes.push(await startRealtimeServer(database.db, { adapter }, { rateLimits }));
    }
    [owner, guest] = await seedUsers(database.db, ["Owner", "Guest"]);
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await Promise.all([...nodeClients, probe].map((client) => client.quit()));
    await database.cleanup();
  });

  async function redisFootprint() {
    const list = async (kind: "CHANNELS" | "SHARDCHANNELS") =>
      ((await probe.sendCommand(["PUBSUB", kind, `${names.channelPrefix}*`])) as string[]).length;
    const patterns = Number(await probe.sendCommand(["PUBSUB", "NUMPAT"]));
    return { shardChannels: await list("SHARDCHANNELS"), channels: await list("CHANNELS"), patterns };
  }

  /** The owner on one node, the guest on the other, as when a room's two members sit on different ones. */
  async function openRoomOnBothNodes(cookies: [string, string]) {
    const room = await seedRoom(database.db, owner, guest);
    return Promise.all(nodes.map((node, i) => connected(node.client(room.id, { cookie: cookies[i] }))));
  }

  it(`holds no more subscriptions after ${ROOMS} rooms were opened and closed than before`, async () => {
    const cookies: [string, string] = [await sessionCookie(database.db, owner), await sessionCookie(database.db, guest)];
    const before = await redisFootprint();
    // While a room is open on both nodes Redis does hold its channels: the room's own, and each node's reply channel.
    const open = await openRoomOnBothNodes(cookies);
    await waitFor(async () => (await redisFootprint()).shardChannels === before.shardChannels + 3, "an open room's three channels");
    open.forEach((socket) => socket.disconnect());
    for (let start = 0; start < ROOMS; start += AT_ONCE) {
      const batch = Array.from({ length: Math.min(AT_ONCE, ROOMS - start) }, () => openRoomOnBothNodes(cookies));
      (await Promise.all(batch)).flat().forEach((socket) => socket.disconnect());
    }
    await waitFor(() => nodes.every((node) => node.openRooms() === 0), "every room namespace to close");
    // Unsubscribing is asynchronous; wait for Redis to agree, then compare.
    await waitFor(async () => (await redisFootprint()).shardChannels <= before.shardChannels, "Redis channels back to the start", 10_000);
    expect(await redisFootprint()).toEqual(before);
  });
});
