/**
 * `npm run bench:connections`: connections and memory, Duet beside a bare Socket.IO relay
 * measured in the same run, in separate processes (see child.ts); one table at the end.
 *   memory   10,000 authenticated sockets, each in its own room namespace: growth per socket
 *   idle     where an idle Duet's memory goes (realtime alone, server.ts, layer by layer)
 *   latency  signal relay p50/p95 with 1,000 busy rooms
 *   redis    10,000 rooms opened and closed on two nodes: subscriptions back to the start
 * Settings: options.ts (BENCH_SHORT=1 for CI). Needs Redis (redis phase) and `npm run build` (idle phase).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { roomNamespace } from "../../../lib/shared/paths";
import { createTestDatabase } from "../../../tests/helpers/test-database";
import { connectTestRedis } from "../../../tests/helpers/test-redis";
import { ROOT } from "./child";
import { measureIdle } from "./idle-phase";
import { measureRelayLatency } from "./latency-phase";
import { measureSocketMemory } from "./memory-phase";
import { options } from "./options";
import { measureRedisChurn } from "./redis-phase";
import { heapRows, idleRows, latencyRows, memoryRows, printTable, redisRows } from "./report";
import { seedRooms } from "./seed-bulk";

const log = (message: string) => console.error(`[bench:connections ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The server process holds every socket at once (the load is split over two processes). */
function checkOpenFileLimit(): void {
  const soft = Number(/^Max open files\s+(\d+|unlimited)/m.exec(readFileSync("/proc/self/limits", "utf8"))?.[1] ?? Infinity);
  const needed = options.sockets + 500;
  if (soft < needed)
    throw new Error(
      `${options.sockets} sockets need ~${needed} open files per process; this shell allows ${soft} (npm run bench:connections raises it to the hard limit; or set BENCH_SOCKETS lower)`,
    );
}

async function preflight(): Promise<void> {
  if (options.phases.includes("memory")) checkOpenFileLimit();
  if (options.phases.includes("redis")) await (await connectTestRedis()).quit();
  if (options.phases.includes("idle") && !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    throw new Error("The idle phase starts the built server.ts: run `npm run build` first (or BENCH_PHASES without idle)");
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  await preflight();
  const database = await createTestDatabase();
  const rows = [];
  try {
    const { phases } = options;
    if (phases.includes("memory") || phases.includes("idle")) {
      log(`seeding ${options.sockets} rooms, each with its own signed-in owner`);
      const rooms = await seedRooms(database.db, options.sockets, { guests: false, members: "own", label: "memory" });
      if (phases.includes("memory")) {
        const targets = rooms.map((room) => ({ namespace: roomNamespace(room.roomId), cookie: room.owner.cookie }));
        log(`memory: bare relay, ${targets.length} sockets`);
        const bare = await measureSocketMemory("bare", database.url, targets);
        log(`memory: Duet, ${targets.length} sockets`);
        const duet = await measureSocketMemory("duet", database.url, targets);
        rows.push(...memoryRows(duet, bare), ...heapRows(duet, bare));
      }
      if (phases.includes("idle")) {
        log("idle: bare relay, realtime server, server.ts, layer by layer");
        rows.push(...idleRows(await measureIdle(database.url, rooms[0]!)));
      }
    }
    if (phases.includes("latency")) {
      log(`latency: seeding ${options.busyRooms + 1} rooms with owner and guest`);
      const [probeRoom, ...busy] = await seedRooms(database.db, options.busyRooms + 1, { guests: true, members: "own", label: "latency" });
      log(`latency: ${busy.length} busy rooms on Duet and on the bare relay`);
      rows.push(...latencyRows(await measureRelayLatency(database.url, busy, probeRoom!)));
    }
    if (phases.includes("redis")) {
      log(`redis: seeding ${options.redisRooms} rooms`);
      const rooms = await seedRooms(database.db, options.redisRooms, { guests: true, members: "shared", label: "redis" });
      log(`redis: ${rooms.length} rooms opened and closed on two nodes`);
      rows.push(...redisRows(await measureRedisChurn(database.url, rooms)));
    }
  } finally {
    await database.cleanup();
  }
  console.log(
    `\nConnections and memory (${options.short ? "short" : "full"} run, ${((performance.now() - started) / 1000).toFixed(0)} s, load average at the end ${(await import("node:os")).loadavg()[0]!.toFixed(1)})\n`,
  );
  printTable(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
