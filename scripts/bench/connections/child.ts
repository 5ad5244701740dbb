/**
 * The bench's processes talk over Node's IPC channel with one envelope: a request
 * `{ id, type, payload }` and its reply `{ id, ok: true, result } | { id, ok: false, error }`.
 * Servers, load clients and the probe each run in a process of their own, so one's garbage,
 * event loop and file descriptors never show up in another's figures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface TRequest {
  id: number;
  type: string;
  payload?: unknown;
}

export type TReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/**
 * Sent once a process listens for requests: a message that arrives before the child has a
 * listener is dropped. "probe": memory-probe is listening (all server.ts offers); "serve": the
 * bench child's own handlers are too.
 */
export type TReady = { ready: "probe" | "serve" };

export const ROOT = path.resolve(__dirname, "../../..");
const HERE = path.relative(ROOT, __dirname);

export interface TChild {
  process: ChildProcess;
  request<T>(type: string, payload?: unknown): Promise<T>;
  /** Ends the process (SIGKILL after a grace period) and waits for it. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Extra node flags (before the script), e.g. more --import preloads. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the process runs from (server.ts needs the project root). */
  cwd?: string;
  /** Which listener requests wait for (see TReady); default "serve". */
  readyWhen?: TReady["ready"];
  /**
   * Plain node, no tsx: `script` is JavaScript, and the memory probe comes from it or from
   * `nodeArgs` (see plain-node.ts). Default false.
   */
  plainNode?: boolean;
}

/**
 * Starts `script` (a file of this folder, or a path from the project root) under
 * `node --import tsx --expose-gc --import memory-probe.ts`, so every process can be asked for
 * its memory after a forced collection.
 */
export function spawnChild(
  script: string,
  { nodeArgs = [], env = process.env, cwd = ROOT, readyWhen = "serve", plainNode = false }: SpawnOptions = {},
): TChild {
  const file = script.includes("/") ? script : path.join(HERE, script);
  const tsx = plainNode ? [] : ["--import", "tsx", "--import", `./${path.join(HERE, "memory-probe.ts")}`];
  const args = [...tsx, "--expose-gc", ...nodeArgs, file];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.on("message", (message: TReady) => message.ready === readyWhen && resolve());
    child.once("exit", (code, signal) => reject(new Error(`${script} exited (${signal ?? code}) before it was ready`)));
  });
  ready.catch(() => {});
  child.on("message", (reply: TReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(`${script}: ${reply.error}`));
  });
  child.once("exit", (code, signal) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${script} exited (${signal ?? code}) before answering`));
    pending.clear();
  });
  return {
    process: child,
    async request<T>(type: string, payload?: unknown) {
      await ready;
      return new Promise<T>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${script} is not running`));
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, type, payload } satisfies TRequest);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type THandlers = Record<string, (payload: never) => unknown>;

/** The child's side: answers requests with `handlers`; types it does not know are left to other listeners (memory-probe). */
export function serveRequests(handlers: THandlers): void {
  if (!process.send) throw new Error("Run this through the bench (it needs an IPC channel)");
  process.on("message", (request: TRequest) => {
    const handler = handlers[request.type];
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(request.payload as never))
      .then(
        (result) => process.send!({ id: request.id, ok: true, result: result ?? null } satisfies TReply),
        (error: unknown) =>
          process.send!({
            id: request.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          } satisfies TReply),
      );
  });
  // memory-probe unrefs the channel (so server.ts can exit on its own); a bench child lives on requests.
  process.channel?.ref();
  process.send({ ready: "serve" } satisfies TReady);
  process.on("SIGTERM", () => process.exit(0));
}
