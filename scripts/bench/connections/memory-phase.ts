/**
 * Memory per socket: a server process holds N sockets, each the only member in a room namespace
 * of its own, and reports its memory after forced GC before and after; growth / N is the cost
 * of one socket. The same rooms and cookies go to Duet and to the bare relay.
 */
import path from "node:path";
import { waitFor } from "../../../tests/helpers/wait-for";
import { spawnChild, type TChild } from "./child";
import { perSocketDifference, summarizeHeapSnapshot, type TPerSocket } from "./heap-summary";
import type { TServerCounts } from "./duet-server";
import type { TMemoryFigures } from "./memory-probe";
import { options } from "./options";
import type { TTarget } from "./sockets";

export type TServerKind = "duet" | "bare";

export interface TMemoryRun {
  kind: TServerKind;
  /** Just started, nothing connected yet. */
  idle: TMemoryFigures;
  /** After the warm-up sockets came and went. */
  before: TMemoryFigures;
  /** With every socket connected. */
  after: TMemoryFigures;
  /**
   * The retained heap with every socket connected, and again once they have all closed. Taken
   * after the figures above (the snapshot behind it inflates RSS), so the baseline is the
   * closed state: anything a closed socket left behind would show as less growth here, and as
   * a higher "closed" than "before".
   */
  retained: { connected: number; closed: number };
  /** With BENCH_HEAP_SNAPSHOTS: per socket, by constructor, what the heap gained. */
  heapPerSocket: TPerSocket[] | null;
  sockets: number;
  connectSeconds: number;
}

/**
 * The server's memory once it has settled: right after a burst of connections the load clients
 * may still be reading what the server sent (presence updates), and what waits in its send
 * buffers is live memory too. Two readings a second apart within 2% of each other.
 */
async function settledMemory(server: TChild): Promise<TMemoryFigures> {
  let last = await server.request<TMemoryFigures>("memory");
  for (let attempt = 0; attempt < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await server.request<TMemoryFigures>("memory");
    if (Math.abs(now.heapUsed - last.heapUsed) <= 0.02 * last.heapUsed) break;
    last = now;
  }
  return last;
}

/** heapUsed after the heap profiler's collection (see memory-probe's retainedHeap). */
async function retainedHeap(server: TChild): Promise<number> {
  return (await server.request<TMemoryFigures>("memory", { retained: true })).retainedHeap!;
}

export function startServer(kind: TServerKind): TChild {
  return spawnChild(kind === "duet" ? "duet-server.ts" : "bare-server.ts");
}

export async function measureSocketMemory(kind: TServerKind, databaseUrl: string, targets: TTarget[]): Promise<TMemoryRun> {
  const server = startServer(kind);
  const loaders = Array.from({ length: options.loadProcesses }, () => spawnChild("load-client.ts"));
  try {
    const { url } = await server.request<{ url: string }>("start", { databaseUrl, limits: "off" });
    const connections = async () => (await server.request<TServerCounts>("counts")).connections;
    const idle = await server.request<TMemoryFigures>("memory");

    await open(loaders.slice(0, 1), url, targets.slice(0, options.warmupSockets));
    await Promise.all(loaders.map((loader) => loader.request("close")));
    await waitFor(async () => (await connections()) === 0, "the warm-up sockets to close", 30_000);
    const before = await settledMemory(server);
    const snapshot = (label: string) =>
      options.heapSnapshots
        ? server.request<string>("heap-snapshot", { path: path.join(options.heapSnapshots, `${kind}-${label}.heapsnapshot`) })
        : null;
    const snapshotBefore = await snapshot("before");

    const started = performance.now();
    await open(loaders, url, targets);
    const connectSeconds = (performance.now() - started) / 1000;
    await waitFor(async () => (await connections()) === targets.length, `${kind}: all ${targets.length} sockets on the server`, 30_000);
    const after = await settledMemory(server);
    const snapshotAfter = await snapshot(`${targets.length}-sockets`);
    const connected = await retainedHeap(server);

    await Promise.all(loaders.map((loader) => loader.request("close")));
    await waitFor(async () => (await connections()) === 0, `${kind}: every socket closed`, 60_000);
    const retained = { connected, closed: await retainedHeap(server) };
    const heapPerSocket =
      snapshotBefore && snapshotAfter
        ? perSocketDifference(summarizeHeapSnapshot(snapshotAfter), summarizeHeapSnapshot(snapshotBefore), targets.length)
        : null;
    return { kind, idle, before, after, retained, sockets: targets.length, connectSeconds, heapPerSocket };
  } finally {
    await Promise.all([...loaders, server].map((child) => child.stop()));
  }
}

/** Splits the targets across the load processes; every socket must connect. */
async function open(loaders: TChild[], url: string, targets: TTarget[]): Promise<void> {
  const share = Math.ceil(targets.length / loaders.length);
  const outcomes = await Promise.all(
    loaders.map((loader, i) =>
      loader.request<{ opened: number; failed: number; firstError: string | null }>("open", {
        url,
        targets: targets.slice(i * share, (i + 1) * share),
        concurrency: options.connectConcurrency,
      }),
    ),
  );
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
  if (failed > 0) throw new Error(`${failed} of ${targets.length} sockets failed to connect: ${outcomes.find((o) => o.firstError)?.firstError}`);
}
