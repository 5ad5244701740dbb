// A fresh, fully migrated database per call, so tests never share state.
//   default                         a SQLite file in a new temp directory
//   TEST_DATABASE=postgresql        a new uniquely named database on TEST_POSTGRES_URL's server
//                                   (default postgresql://postgres@127.0.0.1:5432/postgres)
// cleanup() disconnects and deletes it. An unreachable PostgreSQL is an error, never a skip.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createDbClient, type TDbClient } from "../../lib/server/db/create-db-client";
import type { TDatabaseProvider } from "../../lib/server/db/database-url";
import { migrateDatabase } from "../../scripts/lib/migrate-database";

export interface TTestDatabase {
  url: string;
  db: TDbClient;
  cleanup(): Promise<void>;
}
/** Same type, under the name the realtime tests import. */
export type TestDatabase = TTestDatabase;

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The provider the suite runs against: TEST_DATABASE=postgresql, else SQLite. */
export function getTestDatabaseProvider(): TDatabaseProvider {
  const wanted = process.env.TEST_DATABASE?.trim() || "sqlite";
  if (wanted === "sqlite" || wanted === "postgresql") return wanted;
  throw new Error(`TEST_DATABASE must be "sqlite" or "postgresql", not "${wanted}"`);
}

export async function createTestDatabase(provider: TDatabaseProvider = getTestDatabaseProvider()): Promise<TTestDatabase> {
  return provider === "sqlite" ? createSqliteDatabase() : createPostgresqlDatabase();
}

async function createSqliteDatabase(): Promise<TTestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "duet-test-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  try {
    await migrateDatabase(url);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const db = createDbClient(url);
  return {
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the server's maintenance database, with a clear error if it is down. */
async function runAdminStatement(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, port } = new URL(adminUrl);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(
      `TEST_DATABASE=postgresql but PostgreSQL at ${host || "localhost"}:${port || 5432} is not reachable (${reason}). ` +
        "Start it, point TEST_POSTGRES_URL at one, or unset TEST_DATABASE to test against SQLite.",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresqlDatabase(): Promise<TTestDatabase> {
  const adminUrl = process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_POSTGRES_URL;
  // Unquoted-identifier safe: lower-case letters, digits and underscores only.
  const name = `duet_test_${randomUUID().replaceAll("-", "")}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // FORCE (PostgreSQL 13+) ends connections a failed test may have left open.
  const drop = () => runAdminStatement(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    await migrateDatabase(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  const db = createDbClient(url.toString());
  return {
    url: url.toString(),
    db,
    async cleanup() {
      await db.$disconnect();
      await drop();
    },
  };
}
