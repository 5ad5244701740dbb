/**
 * Preloaded into every process the bench measures (`--import`, after tsx or bundled for plain
 * node; see child.ts), so Duet's realtime server, the bare relay and the full server.ts answer
 * the same question the same way:
 * the request `memory` gets the figures after forced garbage collection, and `heap-snapshot`
 * writes a V8 heap snapshot. Needs `--expose-gc`: without it the figures would carry whatever
 * garbage happens to be waiting, which at 10,000 sockets is larger than what we want to see.
 */
import Module from "node:module";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { TReady, TReply, TRequest } from "./child";

export interface TModuleGroup {
  files: number;
  /** Source text of the loaded files, on disk. */
  bytes: number;
}

export interface TMemoryFigures {
  rss: number;
  /** heapUsed after the heap profiler's collection (see retainedHeap); null unless asked for. */
  retainedHeap: number | null;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** V8's compiled code and bytecode (part of heapUsed). */
  code: number;
  /**
   * Source maps Node holds for the loaded CommonJS modules: the size of the maps they name
   * (their text is kept, parsed, in the heap). Node keeps them only while source maps are
   * enabled, which tsx turns on for the whole process; 0 otherwise.
   */
  sourceMaps: number;
  sourceMapsEnabled: boolean;
  /** Loaded CommonJS files (tsx compiles the TypeScript ones to CommonJS too), by origin. */
  modules: Record<string, TModuleGroup>;
}

type TGc = (options?: { type: "major"; execution: "sync"; flavor: "regular" | "last-resort" }) => void;
const gc = (globalThis as { gc?: TGc }).gc;

/**
 * Full collections, with turns of the event loop between so weak callbacks and finalizers run,
 * the last one "last-resort": plain gc() frees objects but V8 keeps the emptied pages resident,
 * so RSS would still carry whatever garbage the last burst of work (10,000 handshakes) left.
 * Then wait for V8's sweeper: a collection returns once marking is done, and until background
 * threads have swept the pages, heapUsed still counts the dead objects on them (seen here: 100 MB
 * for a second or two after connecting 10,000 sockets, on two busy cores).
 */
async function collect(): Promise<void> {
  if (!gc) throw new Error("memory-probe needs node --expose-gc");
  for (const flavor of ["regular", "regular", "regular", "regular", "regular", "last-resort"] as const) {
    gc({ type: "major", execution: "sync", flavor });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let [previous, same] = [process.memoryUsage().heapUsed, 0];
  for (let waited = 0; same < 3 && waited < 10_000; waited += SWEEP_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, SWEEP_POLL_MS));
    const now = process.memoryUsage().heapUsed;
    same = Math.abs(now - previous) < 0.002 * previous ? same + 1 : 0;
    previous = now;
  }
}

const SWEEP_POLL_MS = 200;

/** A loaded file's origin: its package (node_modules/<pkg>), Next's build output, or the app's own source. */
export function moduleGroup(file: string, root: string): string {
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inPackage) return inPackage[1]!;
  if (file.startsWith(`${root}/.next/`)) return ".next";
  if (file.startsWith(`${root}/`))
    return file
      .slice(root.length + 1)
      .split("/")
      .slice(0, 2)
      .join("/");
  return "other";
}

function loadedFiles(): string[] {
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  // tsx appends a query to some keys; the file is what precedes it.
  return Object.keys(cache).map((key) => key.split("?")[0]!);
}

function moduleGroups(files: string[]): Record<string, TModuleGroup> {
  const groups: Record<string, TModuleGroup> = {};
  for (const file of files) {
    const group = (groups[moduleGroup(file, process.cwd())] ??= { files: 0, bytes: 0 });
    group.files += 1;
    group.bytes += sizeOf(file);
  }
  return groups;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * What the loaded modules' source maps weigh, read from the files (the map a module names in its
 * last line). Not through node:module's findSourceMap: that decodes a map into an array per
 * mapping and keeps it, hundreds of MB for Next's chunks, and the measurement would become the
 * largest thing it measures.
 */
function sourceMapBytes(files: string[]): number {
  if (!process.sourceMapsEnabled) return 0;
  let bytes = 0;
  for (const file of new Set(files)) {
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(tail(file))?.[1];
    if (!url) continue;
    bytes += url.startsWith("data:") ? Math.floor(((url.length - url.indexOf(",") - 1) * 3) / 4) : sizeOf(path.resolve(path.dirname(file), url));
  }
  return bytes;
}

function tail(file: string, length = 4096): string {
  try {
    const fd = openSync(file, "r");
    try {
      const size = statSync(file).size;
      const buffer = Buffer.alloc(Math.min(length, size));
      readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString("latin1");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

/**
 * The heap that is really retained. After the forced collections above, heapUsed still counts
 * tens of MB that only the heap profiler's collection frees (seen after 10,000 connections to
 * Duet: 278 MB, 199 MB after a snapshot, whose own total was 211 MB; Prisma queries leave ~1 kB
 * each of it, next-auth's JWT decoding ~0.2 kB; it does go away by itself later). So take a
 * snapshot, to /dev/null, and read heapUsed after it. Costly (seconds at 10,000 sockets), and
 * the snapshot's own native memory inflates RSS afterwards: read RSS first.
 */
function retainedHeap(): number {
  v8.writeHeapSnapshot("/dev/null");
  return process.memoryUsage().heapUsed;
}

export async function measureMemory({ retained = false }: { retained?: boolean } = {}): Promise<TMemoryFigures> {
  await collect();
  const usage = process.memoryUsage();
  const code = v8.getHeapCodeStatistics();
  const files = loadedFiles();
  return {
    retainedHeap: retained ? retainedHeap() : null,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    code: code.code_and_metadata_size + code.bytecode_and_metadata_size,
    sourceMaps: sourceMapBytes(files),
    sourceMapsEnabled: process.sourceMapsEnabled,
    modules: moduleGroups(files),
  };
}

const handlers: Record<string, (payload: unknown) => Promise<unknown>> = {
  memory: (payload) => measureMemory(payload ?? {}),
  "heap-snapshot": async (payload) => {
    await collect();
    return v8.writeHeapSnapshot((payload as { path: string }).path);
  },
};

if (process.send) {
  process.on("message", (request: TRequest) => {
    const handler = handlers[request?.type];
    if (!handler) return;
    handler(request.payload).then(
      (result) => process.send!({ id: request.id, ok: true, result } satisfies TReply),
      (error: unknown) => process.send!({ id: request.id, ok: false, error: String(error) } satisfies TReply),
    );
  });
  // The IPC channel alone must not keep a server that was told to stop alive.
  process.channel?.unref();
  process.send({ ready: "probe" } satisfies TReady);
}
