import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** The machine's PostgreSQL (docs: /work/shared/ENVIRONMENT.md); override for other setups. */
const ADMIN_URL = process.env.E2E_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** postgresql:// URL of the new, empty database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named PostgreSQL database for one test, dropped by `drop()`. Fails with a
 * message naming the server when PostgreSQL is not there: these tests need it, never skip it.
 */
export async function createTestDatabase(prefix = "duet_e2e"): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE (PostgreSQL 13+) ends connections a node still holds open.
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`This test needs PostgreSQL at ${ADMIN_URL} (set E2E_POSTGRES_ADMIN_URL to use another): ${reason}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
