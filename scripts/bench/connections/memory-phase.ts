/**
 * Memory per socket: a server process holds N sockets, each the only member in a room namespace
 * of its own, and reports its memory after forced GC before and after; growth / N is the cost
 * of one socket. The same rooms and cookies go to Duet and to the bare relay.
 */
import { waitFor } from "../../../tests/helpers/wait-for";
import { spawnChild, type TChild } from "./child";
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
  sockets: number;
  connectSeconds: number;
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
    const before = await server.request<TMemoryFigures>("memory");

    const started = performance.now();
    await open(loaders, url, targets);
    const connectSeconds = (performance.now() - started) / 1000;
    await waitFor(async () => (await connections()) === targets.length, `${kind}: all ${targets.length} sockets on the server`, 30_000);
    const after = await server.request<TMemoryFigures>("memory");
    if (options.heapSnapshots)
      await server.request("heap-snapshot", { path: `${options.heapSnapshots}/${kind}-${targets.length}-sockets.heapsnapshot` });

    await Promise.all(loaders.map((loader) => loader.request("close")));
    return { kind, idle, before, after, sockets: targets.length, connectSeconds };
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
