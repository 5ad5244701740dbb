/**
 * Child process: Duet's realtime server as server.ts wires it, without Next (startRealtimeServer),
 * on an existing database, alone or as one node of a Redis cluster.
 */
import { LIMITS } from "../../../lib/server/rate-limits/limit-names";
import { createDbClient } from "../../../lib/server/db/create-db-client";
import { startRealtimeServer, testRateLimits, type TestRealtimeServer } from "../../../tests/helpers/realtime-server";
import { serveRequests } from "./child";

export interface TDuetServerOptions {
  databaseUrl: string;
  /**
   * "off": no limit at all (thousands of handshakes from one address by design).
   * "signaling": the default limits, but handshakes per address off: every bench socket comes
   * from 127.0.0.1, while signaling is counted per connection as in production.
   */
  limits: "off" | "signaling";
  /** One node of a cluster: the sharded Redis adapter on this channel prefix. */
  redisChannelPrefix?: string;
}

export interface TServerCounts {
  /** Engine.IO connections (one per browser tab). */
  connections: number;
  /** Room namespaces open on this node (the bare relay does not count them: that would cost it state per socket). */
  rooms: number | null;
}

function rateLimits(limits: TDuetServerOptions["limits"]) {
  if (limits === "signaling") return testRateLimits({ RATE_LIMIT_HANDSHAKE_IP: "off" });
  const off = Object.values(LIMITS).flatMap((limit) => [limit.env, ...("burstEnv" in limit ? [limit.burstEnv] : [])]);
  return testRateLimits(Object.fromEntries(off.map((name) => [name, "off"])));
}

let server: TestRealtimeServer | null = null;
let closeRedis = async () => {};

serveRequests({
  async start({ databaseUrl, limits, redisChannelPrefix }: TDuetServerOptions) {
    let adapter;
    if (redisChannelPrefix) {
      // Imported here: it loads node-redis, which a single node (what the idle figures describe) never loads.
      const { testRoomsAdapter } = await import("../../../tests/helpers/test-redis");
      const rooms = await testRoomsAdapter({ channelPrefix: redisChannelPrefix });
      adapter = rooms.adapter;
      closeRedis = async () => void (await Promise.all(rooms.clients.map((client) => client.quit())));
    }
    server = await startRealtimeServer(createDbClient(databaseUrl), { adapter }, { rateLimits: rateLimits(limits) });
    return { url: server.url };
  },
  /** CPU time this process has used (µs), to cost what it relays. */
  cpu: () => process.cpuUsage(),
  counts: (): TServerCounts => ({ connections: server!.io.engine.clientsCount, rooms: server!.openRooms() }),
  async stop() {
    await server?.close();
    await closeRedis();
  },
});
