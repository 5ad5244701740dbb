// @ts-check
// Runs Prisma's schema engine (WebAssembly build) against a driver adapter, in a worker thread.
//
// Why a worker, and why plain .mjs: @prisma/schema-engine-wasm ships only as ES modules, and its
// entry point imports the .wasm file as a module (Node 20 needs --experimental-wasm-modules for
// that). Jest on Node 20 cannot load ES modules from node_modules at all (it compiles everything
// to CommonJS), so we load the package here, in a worker with Node's own module loader, and
// instantiate the .wasm ourselves. scripts/lib/schema-engine.ts is the typed front door.
//
// workerData: { provider: "sqlite" | "postgresql", url: string, command: string, input: object }
//   For sqlite, url is an absolute file path ("" opens an in-memory database).
// Posts { ok: true, result } or { ok: false, message }.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);

/** @type {string | undefined} */
let panicMessage;

async function loadSchemaEngine() {
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
  // The bindings report Rust panics here (the Prisma CLI installs the same global).
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: { set_message: (/** @type {string} */ message) => (panicMessage = message) },
  });
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  return bindings.SchemaEngine;
}

/** @param {"sqlite" | "postgresql"} provider @param {string} url */
function createAdapterFactory(provider, url) {
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: url === "" ? ":memory:" : url });
  }
  const { PrismaPg } = require("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: url });
}

/**
 * Wraps the adapter factory so every connection the engine opens can be closed afterwards
 * (`SchemaEngine.free()` does not: the SQLite file would stay locked EXCLUSIVE and the
 * PostgreSQL session would keep its migration advisory lock until the worker is killed).
 * @param {any} factory
 */
function trackConnections(factory) {
  /** @type {any[]} */
  const connections = [];
  const track = async (/** @type {Promise<any>} */ connecting) => {
    const connection = await connecting;
    connections.push(connection);
    return connection;
  };
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(factory.connect()),
      connectToShadowDb: () => track(factory.connectToShadowDb()),
    },
    closeAll: () => Promise.allSettled(connections.map((connection) => connection.dispose())),
  };
}

/**
 * Errors thrown by the adapter reach us as "External error id#N"; the real one (for example
 * "Cannot open database because the directory does not exist") waits in the error registry.
 * @param {unknown} error @param {any} boundFactory
 */
function describeError(error, boundFactory) {
  const message = error instanceof Error ? error.message : String(error);
  // SQLITE_BUSY after better-sqlite3's 5 s timeout: the engine locks the file EXCLUSIVE (as the
  // native engine does) and another connection has it open. The adapter reports that as a
  // "SocketTimeout", an error kind this engine build cannot even decode.
  if (workerData.provider === "sqlite" && /SocketTimeout|database is locked/.test(message)) {
    return "the SQLite database is locked by another connection (stop the app while migrating)";
  }
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const external = id === undefined ? undefined : boundFactory.errorRegistry.consumeError(Number(id))?.error;
  const detail = external ? (external.cause?.message ?? external.message ?? JSON.stringify(external)) : undefined;
  const text = detail ? message.replace(/External error id#\d+/, detail) : message;
  return panicMessage ? `${text} (${panicMessage})` : text;
}

async function run() {
  const { provider, url, command, input } = workerData;
  const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
  const SchemaEngine = await loadSchemaEngine();
  const { factory, closeAll } = trackConnections(createAdapterFactory(provider, url));
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  /** @type {any} */
  let engine;
  try {
    // The engine logs JSON lines (info level); errors come back as rejections instead.
    engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, boundFactory);
    return { ok: true, result: await engine[command](input) };
  } catch (error) {
    return { ok: false, message: describeError(error, boundFactory).trim() };
  } finally {
    engine?.free();
    await closeAll();
  }
}

parentPort?.postMessage(await run());
