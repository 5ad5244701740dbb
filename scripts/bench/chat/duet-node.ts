/**
 * A Duet node as tests start it (the real realtime server and handlers, without Next) on its
 * own database client, so its chat goes through the real message writer. Every limit is off:
 * the benchmark connects a hundred clients from one address and sends far past the chat limit.
 */
import { createClient } from "redis";
import { createDbClient } from "../../../lib/server/db/create-db-client";
import { closeMessageWriter } from "../../../lib/server/messages/message-writers";
import { createRoomsRedisAdapter } from "../../../lib/server/realtime/redis-rooms-adapter";
import type { TRedisClient } from "../../../lib/server/redis-client";
import { startRealtimeServer, testRateLimits } from "../../../tests/helpers/realtime-server";
import type { RunningNode } from "./bare-relay";
import type { NodeSpec } from "./protocol";

const LIMITS_OFF = { RATE_LIMIT_CHAT: "off", RATE_LIMIT_CHAT_BURST: "off", RATE_LIMIT_HANDSHAKE_IP: "off" };

export async function startDuetNode({ databaseUrl, cluster }: NodeSpec): Promise<RunningNode> {
  const db = createDbClient(databaseUrl);
  const redis: TRedisClient | null = cluster ? createClient({ url: cluster.redisUrl }) : null;
  const subscriber = redis?.duplicate() ?? null;
  await Promise.all([redis?.connect(), subscriber?.connect()]);
  const adapter = redis && subscriber && cluster ? createRoomsRedisAdapter(redis, subscriber, cluster.names) : undefined;
  const server = await startRealtimeServer(db, { adapter }, { rateLimits: testRateLimits(LIMITS_OFF) });
  return {
    url: server.url,
    async close() {
      await server.close();
      await closeMessageWriter(db);
      await Promise.all([redis?.quit(), subscriber?.quit()]);
      await db.$disconnect();
    },
  };
}
