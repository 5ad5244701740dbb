import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { getDatabaseProvider, getSqliteFilePath, type TDatabaseProvider } from "./database-url";
import type { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";

/**
 * The database client, whichever provider is behind it. The SQLite and PostgreSQL clients are
 * generated from the same models, so their model APIs are identical; the SQLite client's type
 * stands for both (the PostgreSQL one is cast to it below).
 */
export type TDbClient = SqlitePrismaClient;

/** How long a write waits for another connection's write lock before failing with SQLITE_BUSY (better-sqlite3's `timeout`). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Run on every SQLite connection Prisma opens. WAL lets readers and the writer proceed together
 * and turns each commit into an append (about 60x the write rate of the default rollback journal
 * on our disks). synchronous = NORMAL is the setting WAL is designed for: a power cut can lose
 * the last commits, never corrupt the file. journal_mode is stored in the file, synchronous is
 * per connection. Foreign keys (our ON DELETE CASCADEs) are on in better-sqlite3's build of
 * SQLite, but plain SQLite defaults them off, so we do not rely on the build.
 */
const SQLITE_CONNECTION_PRAGMAS = ["PRAGMA journal_mode = WAL;", "PRAGMA synchronous = NORMAL;", "PRAGMA foreign_keys = ON;"].join("\n");

/** Wraps an adapter factory so each new connection runs `setupScript` before Prisma uses it. */
function withConnectionSetup(factory: SqlDriverAdapterFactory, setupScript: string): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(setupScript);
      return adapter;
    },
  };
}

/**
 * Marks a client with its provider, for the few data functions that speak each database's own
 * SQL (full-text search). A global symbol, like AppError's: server.ts and Next's bundle each load
 * this module but share one client per URL (db-singleton.ts), so a class check would fail.
 */
const PROVIDER = Symbol.for("duet.db-provider");

/** Which database a client from createDbClient talks to. */
export function dbProviderOf(db: TDbClient): TDatabaseProvider {
  const provider = (db as unknown as Record<symbol, TDatabaseProvider | undefined>)[PROVIDER];
  if (!provider) throw new Error("Not a client made by createDbClient");
  return provider;
}

function withProvider(db: TDbClient, provider: TDatabaseProvider): TDbClient {
  Object.defineProperty(db, PROVIDER, { value: provider });
  return db;
}

/*
 * Each provider's client and driver adapter, loaded when a client for it is made: a process
 * talks to one database, and the other's would be loaded for nothing (PostgreSQL's, pg
 * included, is ~7 MB resident in a SQLite deployment).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- synchronous loads on first use, see above */
function loadSqlite() {
  const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = require("./generated/sqlite/client") as typeof import("./generated/sqlite/client");
  return { PrismaBetterSqlite3, PrismaClient };
}

function loadPostgresql() {
  const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
  const { PrismaClient } = require("./generated/postgresql/client") as typeof import("./generated/postgresql/client");
  return { PrismaPg, PrismaClient };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A new Prisma client for `databaseUrl` (`file:<path>` → SQLite, `postgresql://…` → PostgreSQL).
 * It connects lazily, on the first query. Prefer getDbClient() (db-singleton.ts) in the app.
 */
export function createDbClient(databaseUrl: string): TDbClient {
  if (getDatabaseProvider(databaseUrl) === "sqlite") {
    const { PrismaBetterSqlite3, PrismaClient } = loadSqlite();
    const sqlite = new PrismaBetterSqlite3({ url: getSqliteFilePath(databaseUrl), timeout: SQLITE_BUSY_TIMEOUT_MS });
    return withProvider(new PrismaClient({ adapter: withConnectionSetup(sqlite, SQLITE_CONNECTION_PRAGMAS) }), "sqlite");
  }
  const { PrismaPg, PrismaClient } = loadPostgresql();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  // Same models, same generated API; only the provider-specific internals differ.
  return withProvider(client as unknown as TDbClient, "postgresql");
}
