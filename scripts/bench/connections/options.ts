/**
 * The bench's settings: the one module that reads the environment.
 *   BENCH_SHORT=1          CI size (1,000 sockets, 100 busy rooms, 500 Redis rooms, short probes)
 *   BENCH_SOCKETS          sockets held open for the memory figures (default 10,000)
 *   BENCH_BUSY_ROOMS       rooms exchanging candidates while the probe measures (default 1,000)
 *   BENCH_BUSY_RATE        signal:candidate per busy room per second (default 10)
 *   BENCH_REDIS_ROOMS      rooms opened and closed across two nodes (default 10,000)
 *   BENCH_PHASES           a subset, e.g. "memory,latency" (memory, idle, latency, redis)
 *   BENCH_HEAP_SNAPSHOTS   a folder: write heap snapshots of each server at idle and under load there
 */
const short = process.env.BENCH_SHORT === "1";
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

export const PHASES = ["memory", "idle", "latency", "redis"] as const;
export type TPhase = (typeof PHASES)[number];

function phases(): TPhase[] {
  const wanted = process.env.BENCH_PHASES?.split(",").map((phase) => phase.trim());
  if (!wanted) return [...PHASES];
  const unknown = wanted.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length > 0) throw new Error(`BENCH_PHASES: unknown ${unknown.join(", ")} (known: ${PHASES.join(", ")})`);
  return wanted as TPhase[];
}

export const options = {
  short,
  phases: phases(),
  sockets: count("BENCH_SOCKETS", short ? 1000 : 10_000),
  /** Sockets opened and closed first, so compiled code and caches are in the baseline, not the growth. */
  warmupSockets: short ? 50 : 300,
  /** Load processes sharing the sockets (2 cores: more buys nothing). */
  loadProcesses: 2,
  /** Handshakes in flight per load process. */
  connectConcurrency: 50,
  busyRooms: count("BENCH_BUSY_ROOMS", short ? 100 : 1000),
  /** signal:candidate per room per second, the two members taking turns. */
  busyRatePerRoom: count("BENCH_BUSY_RATE", 10),
  probeSeconds: short ? 3 : 6,
  /** Busy traffic runs this long before the probe starts measuring. */
  settleMs: short ? 1000 : 2000,
  probeIntervalMs: 100,
  /** Each server is probed this many times, taking turns (ABBA…), so a neighbour's burst of work hits both. */
  probeRounds: short ? 2 : 4,
  redisRooms: count("BENCH_REDIS_ROOMS", short ? 500 : 10_000),
  redisConcurrency: 25,
  heapSnapshots: process.env.BENCH_HEAP_SNAPSHOTS?.trim() || null,
  /** The 1.5x allowance on RSS growth per socket, and the p50 allowance over the bare relay. */
  memoryRatioLimit: 1.5,
  latencyAllowanceMs: 0.5,
};

/** What a visitor reaches without signing in: the idle figures' "first use" of server.ts. */
export const PUBLIC_PATHS = ["/api/health", "/api/ready", "/", "/signin", "/signup", "/check", "/rooms/not-a-room"];
