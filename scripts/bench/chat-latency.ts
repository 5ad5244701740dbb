/**
 * `npm run bench`: chat latency on one node (baseline, in-memory adapter) and across two
 * nodes (sharded Redis adapter), in one process tree, printed side by side.
 *   ack:      chat:send → acknowledgement (validate, store in SQLite, reply)
 *   delivery: chat:send → chat:message arrives at the other member
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { TRedisClient } from "../../lib/server/redis-client";
import { connected, startRealtimeServer, testRateLimits, type TestClient, type TestRealtimeServer } from "../../tests/helpers/realtime-server";

/** The benchmark sends hundreds of messages a second, far beyond the chat limit, by design. */
const unlimitedChat = () => testRateLimits({ RATE_LIMIT_CHAT: "off", RATE_LIMIT_CHAT_BURST: "off" });
import { seedRoom, seedUsers, sessionCookie } from "../../tests/helpers/seed";
import { createTestDatabase } from "../../tests/helpers/test-database";
import { isolatedAdapterNames, testRoomsAdapter } from "../../tests/helpers/test-redis";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500);
const WARMUP = 50;

interface Sample {
  ack: number[];
  delivery: number[];
}

async function measure(sender: TestClient, receiver: TestClient, count: number): Promise<Sample> {
  const sample: Sample = { ack: [], delivery: [] };
  for (let i = 0; i < count; i++) {
    const clientId = randomUUID();
    const started = performance.now();
    const delivered = new Promise<number>((resolve) => {
      const onMessage = (message: { clientId: string }) => {
        if (message.clientId !== clientId) return;
        receiver.off("chat:message", onMessage);
        resolve(performance.now() - started);
      };
      receiver.on("chat:message", onMessage);
    });
    const ack = await sender.emitWithAck("chat:send", { clientId, body: `message ${i}` });
    if (!ack.ok) throw new Error(`send failed: ${ack.error.message}`);
    sample.ack.push(performance.now() - started);
    sample.delivery.push(await delivered);
  }
  return sample;
}

async function scenario(name: string, nodes: TestRealtimeServer[], db: Awaited<ReturnType<typeof createTestDatabase>>["db"]) {
  const [ada, ben] = await seedUsers(db, ["Ada", "Ben"]);
  const room = await seedRoom(db, ada, ben);
  const sender = await connected(nodes[0]!.client(room.id, { cookie: await sessionCookie(db, ada) }));
  const receiver = await connected(nodes[nodes.length - 1]!.client(room.id, { cookie: await sessionCookie(db, ben) }));
  await measure(sender, receiver, WARMUP);
  const sample = await measure(sender, receiver, MESSAGES);
  sender.disconnect();
  receiver.disconnect();
  return { name, sample };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const redisClients: TRedisClient[] = [];
  const single = [await startRealtimeServer(database.db, {}, { rateLimits: unlimitedChat() })];
  const names = isolatedAdapterNames();
  const cluster: TestRealtimeServer[] = [];
  for (let i = 0; i < 2; i++) {
    const { adapter, clients } = await testRoomsAdapter(names);
    redisClients.push(...clients);
    cluster.push(await startRealtimeServer(database.db, { adapter }, { rateLimits: unlimitedChat() }));
  }
  try {
    const results = [await scenario("one node (baseline)", single, database.db), await scenario("two nodes via Redis", cluster, database.db)];
    const rows = [
      ["ack p50", (s: Sample) => percentile(s.ack, 50)],
      ["ack p90", (s: Sample) => percentile(s.ack, 90)],
      ["ack p99", (s: Sample) => percentile(s.ack, 99)],
      ["delivery p50", (s: Sample) => percentile(s.delivery, 50)],
      ["delivery p90", (s: Sample) => percentile(s.delivery, 90)],
      ["delivery p99", (s: Sample) => percentile(s.delivery, 99)],
    ] as const;
    console.log(`\nChat latency, ${MESSAGES} messages each (ms), SQLite in WAL mode, loopback\n`);
    console.log(["metric".padEnd(14), ...results.map((r) => r.name.padStart(22))].join(""));
    for (const [label, pick] of rows) {
      console.log([label.padEnd(14), ...results.map((r) => pick(r.sample).toFixed(2).padStart(22))].join(""));
    }
  } finally {
    await Promise.all([...single, ...cluster].map((node) => node.close()));
    await Promise.all(redisClients.map((client) => client.quit()));
    await database.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
