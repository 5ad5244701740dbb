// Typed access to Prisma's WebAssembly schema engine, which stands in for the native
// `schema-engine` binary that the Prisma CLI would download (unreachable from our machines).
// The engine itself runs in a worker thread: see schema-engine-worker.mjs for why.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ApplyMigrationsInput, ApplyMigrationsOutput, DiffParams, DiffResult, SchemaFilter } from "@prisma/schema-engine-wasm";
import type { TDatabaseProvider } from "../../lib/server/db/database-url";

interface TSchemaEngineCommands {
  applyMigrations: { input: ApplyMigrationsInput; output: ApplyMigrationsOutput };
  diff: { input: DiffParams; output: DiffResult };
}

/** Which database the engine's driver adapter connects to. For SQLite, `url` is an absolute file path; "" is in-memory. */
export interface TSchemaEngineTarget {
  provider: TDatabaseProvider;
  url: string;
}

type TWorkerReply<T> = { ok: true; result: T } | { ok: false; message: string };

/** No externally managed tables or enums: Prisma owns the whole schema. */
export const NO_SCHEMA_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

const WORKER_PATH = path.join(__dirname, "schema-engine-worker.mjs");

/** Runs one schema-engine command against `target`; rejects with the engine's (or adapter's) message. */
export function runSchemaEngine<TCommand extends keyof TSchemaEngineCommands>(
  target: TSchemaEngineTarget,
  command: TCommand,
  input: TSchemaEngineCommands[TCommand]["input"],
): Promise<TSchemaEngineCommands[TCommand]["output"]> {
  return new Promise((resolve, reject) => {
    // execArgv: [] keeps the parent's loader flags (tsx, Jest's) out of a plain-Node worker.
    const worker = new Worker(WORKER_PATH, { workerData: { ...target, command, input }, execArgv: [] });
    let settled = false;
    worker.once("message", (reply: TWorkerReply<TSchemaEngineCommands[TCommand]["output"]>) => {
      settled = true;
      // The worker has closed its connections before replying, but something in the engine or
      // pg leaves a ~10 s timer behind that would hold the process open: end the thread now.
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.message));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`The schema engine worker exited (code ${code}) without an answer`));
    });
  });
}
