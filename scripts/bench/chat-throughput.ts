/**
 * `npm run bench:chat`: the chat write path under load, Duet beside a bare baseline in the same run.
 *   bare: a Socket.IO server that checks nothing, inserts each message with the raw driver
 *         (better-sqlite3 / pg) into the same Message table, relays it and acks (chat/bare-relay.ts)
 *   Duet: the real realtime server and handlers, rate limits off (chat/duet-node.ts)
 *   floor: the bare relay storing nothing, so the ack latency Socket.IO and the load client
 *          alone reach on this machine shows beside the goal
 * For SQLite and PostgreSQL, one node and two (the sharded Redis adapter, the two members of each
 * room on different nodes), 1 and 4 messages in flight per client: 100 clients in 50 rooms.
 *
 * Each server node runs in its own process and the clients in another: on a 2-core machine a
 * load generator in the server's process would take its CPU from the event loop it is timing
 * (and production clients are elsewhere). Bare and Duet take turns, a few short runs each, on
 * the same database with all their processes up, so a busy neighbour slows both alike; the
 * CPU column (server processes' CPU time per message) is the figure noise moves least.
 * Afterwards every run's rows are read back and checked per sender.
 *   BENCH_SHORT=1            one 0.3 s + 1 s run of each per phase (CI), instead of three 0.5 s + 1.5 s
 *   BENCH_DATABASES=sqlite   only these providers (comma-separated)
 *   BENCH_NODES=2            only these cluster sizes (comma-separated)
 *   BENCH_CPU_PROF=/tmp/prof each child process writes a V8 CPU profile there when it exits
 * Needs PostgreSQL and Redis as the integration tests do (TEST_POSTGRES_URL, TEST_REDIS_URL).
 */
import path from "node:path";
import type { TDatabaseProvider } from "../../lib/server/db/database-url";
import { TEST_REDIS_URL } from "../../tests/helpers/test-redis";
import { forkChild, type BenchChild } from "./chat/child-process";
import { startCluster, type Cluster } from "./chat/cluster";
import { createBenchDatabase, type Member } from "./chat/fixtures";
import { runRound, sumRounds, type RoundResult } from "./chat/measure";
import type { ClientSpec, TServerKind } from "./chat/protocol";
import { describeRow, printTable, printVerdicts, type Row } from "./chat/report";

const SHORT = process.env.BENCH_SHORT === "1";
const ROUNDS = SHORT ? 1 : 3;
const WARMUP_MS = SHORT ? 300 : 500;
const MEASURE_MS = SHORT ? 1000 : 1500;
const PROVIDERS = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as TDatabaseProvider[];
const ROOMS = 50;
const NODE_COUNTS = (process.env.BENCH_NODES ?? "1,2").split(",").map(Number);
const IN_FLIGHT = [1, 4];
const KINDS: TServerKind[] = ["bare", "duet", "relay"];

function clientsFor(kind: TServerKind, members: Member[], cluster: Cluster): ClientSpec[] {
  // members[2r] and members[2r + 1] share a room: with two nodes they sit on different ones.
  return members.map(({ roomId, authorId, cookie, origin }, i) => ({
    url: cluster.urls[i % cluster.urls.length]!,
    roomId,
    authorId,
    ...(kind === "duet" && { cookie, origin }),
  }));
}

async function runBlock(loader: BenchChild, provider: TDatabaseProvider, nodes: number): Promise<Row[]> {
  const { database, members } = await createBenchDatabase(provider, ROOMS);
  const clusters: Cluster[] = [];
  try {
    for (const kind of KINDS) {
      const cluster = await startCluster(kind, database.url, nodes, TEST_REDIS_URL);
      clusters.push(cluster);
      await loader.request({ connect: kind, clients: clientsFor(kind, members, cluster) });
    }
    const rows: Row[] = [];
    for (const inFlight of IN_FLIGHT) {
      const rounds: Record<TServerKind, RoundResult[]> = { bare: [], duet: [], relay: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const cluster of clusters) {
          const options = { loader, cluster, databaseUrl: database.url, members, inFlight, warmupMs: WARMUP_MS, measureMs: MEASURE_MS };
          rounds[cluster.kind].push(await runRound(options));
        }
      }
      const row = {
        provider,
        nodes,
        inFlight,
        results: { bare: sumRounds(rounds.bare), duet: sumRounds(rounds.duet), relay: sumRounds(rounds.relay) },
      };
      console.log(
        `  ${describeRow(row).padEnd(32)} bare ${Math.round(row.results.bare.messagesPerSecond)} msg/s, Duet ${Math.round(row.results.duet.messagesPerSecond)} msg/s`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    for (const kind of KINDS) await loader.request({ disconnect: kind });
    await Promise.all(clusters.map((cluster) => cluster.stop()));
    await database.cleanup();
  }
}

async function main(): Promise<void> {
  console.log(
    `Chat write path: ${ROOMS * 2} clients (${ROOMS} rooms × 2); per row, bare, Duet and the floor take ${ROUNDS} turn${ROUNDS > 1 ? "s" : ""} ` +
      `each of ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s measured`,
  );
  const loader = forkChild(path.join(__dirname, "chat/load-client.ts"));
  const rows: Row[] = [];
  try {
    for (const provider of PROVIDERS) for (const nodes of NODE_COUNTS) rows.push(...(await runBlock(loader, provider, nodes)));
  } finally {
    await loader.stop();
  }
  printTable(rows);
  const intact = printVerdicts(rows);
  console.log(
    "\nack: send → acknowledgement at the client, ms. CPU: the server processes' CPU time per message, µs (not PostgreSQL's or Redis's).\n" +
      "intact: every acknowledged message stored once, in send order per sender, and relayed to the other member.\n" +
      "floor: the bare relay storing nothing (same clients, same machine): no server that stores can ack faster here.\n" +
      `At 1 in flight each client sends again only once acked, so the mean ack is about ${ROOMS * 2} clients ÷ messages/s: ` +
      "on a CPU-bound node, ack latency falls only as CPU per message does.",
  );
  // Speed is reported; a message lost, duplicated or reordered fails the run.
  process.exitCode = intact ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
