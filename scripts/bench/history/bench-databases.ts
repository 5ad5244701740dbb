import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TDatabaseProvider } from "../../../lib/server/db/database-url";
import { createEmptyPostgresDatabase, TEST_POSTGRES_URL } from "../../../tests/helpers/postgres-database";

export interface TBenchDatabase {
  url: string;
  /** Deletes it, unless it is kept for the next run. */
  release(): Promise<void>;
}

/**
 * A database to seed: a fresh one, deleted afterwards; or with `keep`, one at a fixed place per
 * size (a file under the temp directory, a database named for the size), so a rerun of the
 * same size skips the seeding.
 */
export async function benchDatabase(provider: TDatabaseProvider, messages: number, keep: boolean): Promise<TBenchDatabase> {
  if (provider === "sqlite") {
    const dir = keep ? path.join(os.tmpdir(), "duet-bench-history") : await mkdtemp(path.join(os.tmpdir(), "duet-bench-history-"));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${messages}.db`);
    return { url: `file:${file}`, release: async () => void (keep || (await rm(dir, { recursive: true, force: true }))) };
  }
  if (!keep) {
    const { url, drop } = await createEmptyPostgresDatabase("duet_bench_history");
    return { url, release: drop };
  }
  const name = `duet_bench_history_${messages}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), release: async () => {} };
}

export function sqliteFileExists(url: string): boolean {
  return existsSync(url.replace(/^file:/, ""));
}
