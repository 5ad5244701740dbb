import { randomUUID } from "node:crypto";
import { parseEnv } from "@/lib/server/env/env-schema";
import { createRateLimits } from "@/lib/server/rate-limits/create-rate-limits";
import { limitConfigsFromEnv } from "@/lib/server/rate-limits/limit-names";
import type { TRedisClient } from "@/lib/server/redis-client";
import { REALTIME_PATH } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, startRealtimeServer, TEST_SITE_URL, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connectTestRedis } from "../../helpers/test-redis";

describe("rate limits shared through Redis by two nodes", () => {
  let database: TestDatabase;
  const redisClients: TRedisClient[] = [];
  let nodeA: TestRealtimeServer;
  let nodeB: TestRealtimeServer;
  let ada: TPublicUser;
  let rooms: TRoomSummary[];
  const sockets: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // One key prefix per run, so runs never count each other's actions.
    const keyPrefix = `duet-test-rl-${randomUUID().slice(0, 8)}`;
    const limits = limitConfigsFromEnv(parseEnv({ RATE_LIMIT_CHAT: "4/1m", RATE_LIMIT_CHAT_BURST: "off", RATE_LIMIT_HANDSHAKE_IP: "6/1m" }));
    const startNode = async () => {
      const redis = await connectTestRedis();
      redisClients.push(redis);
      // No Socket.IO adapter: the nodes share nothing but the limit counters.
      return startRealtimeServer(database.db, {}, { rateLimits: createRateLimits({ limits, redis, keyPrefix }) });
    };
    [nodeA, nodeB] = [await startNode(), await startNode()];
    const [owner, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    ada = owner;
    rooms = [await seedRoom(database.db, ada, ben), await seedRoom(database.db, ada, ben)];
  }, 30_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([nodeA.close(), nodeB.close()]);
    await Promise.all(redisClients.map((client) => client.quit()));
    await database.cleanup();
  });

  it("counts a person's chat messages on every node against one allowance", async () => {
    const cookie = await sessionCookie(database.db, ada);
    const onA = await connected(nodeA.client(rooms[0]!.id, { cookie }));
    const onB = await connected(nodeB.client(rooms[1]!.id, { cookie }));
    sockets.push(onA, onB);
    const send = (socket: TestClient) => socket.emitWithAck("chat:send", { clientId: randomUUID(), body: "hello" });
    const acks = [await send(onA), await send(onB), await send(onA), await send(onB)];
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const refused = await send(onA);
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    expect(await send(onB)).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });

  it("counts handshakes from one address on every node against one allowance", async () => {
    // The first test's two connections already spent 2 of the 6 handshakes.
    const handshake = (node: TestRealtimeServer) =>
      fetch(`${node.url}${REALTIME_PATH}/?EIO=4&transport=polling`, { headers: { origin: TEST_SITE_URL } }).then(async (response) => {
        await response.text();
        return response.status;
      });
    const statuses = [
      await handshake(nodeA),
      await handshake(nodeB),
      await handshake(nodeA),
      await handshake(nodeB),
      await handshake(nodeA),
      await handshake(nodeB),
    ];
    // Without a cookie an allowed handshake is refused as 401; an over-limit one is 429 before that.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
