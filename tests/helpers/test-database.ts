// A fresh, fully migrated database per call, so tests never share state.
//   default                         a SQLite file in a new temp directory
//   TEST_DATABASE=postgresql        a new uniquely named database on TEST_POSTGRES_URL's server
//                                   (default postgresql://postgres@127.0.0.1:5432/postgres)
// cleanup() disconnects and deletes it. An unreachable PostgreSQL is an error, never a skip.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDbClient, type TDbClient } from "../../lib/server/db/create-db-client";
import type { TDatabaseProvider } from "../../lib/server/db/database-url";
import { migrateDatabase } from "../../scripts/lib/migrate-database";
import { createEmptyPostgresDatabase } from "./postgres-database";

export interface TestDatabase {
  url: string;
  db: TDbClient;
  cleanup(): Promise<void>;
}

/** The provider the suite runs against: TEST_DATABASE=postgresql, else SQLite. */
export function getTestDatabaseProvider(): TDatabaseProvider {
  const wanted = process.env.TEST_DATABASE?.trim() || "sqlite";
  if (wanted === "sqlite" || wanted === "postgresql") return wanted;
  throw new Error(`TEST_DATABASE must be "sqlite" or "postgresql", not "${wanted}"`);
}

export async function createTestDatabase(provider: TDatabaseProvider = getTestDatabaseProvider()): Promise<TestDatabase> {
  return provider === "sqlite" ? createSqliteDatabase() : createPostgresqlDatabase();
}

async function createSqliteDatabase(): Promise<TestDatabase> {
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

async function createPostgresqlDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createEmptyPostgresDatabase();
  try {
    await migrateDatabase(url);
  } catch (error) {
    await drop();
    throw error;
  }
  const db = createDbClient(url);
  return {
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      await drop();
    },
  };
}
