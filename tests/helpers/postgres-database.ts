import { randomUUID } from "node:crypto";
import { Client } from "pg";

/** The PostgreSQL server tests create their databases on (the machine's own, by default). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

export interface EmptyPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty, uniquely named database on TEST_POSTGRES_URL's server. An unreachable
 * PostgreSQL is an error that says so, never a silent skip.
 */
export async function createEmptyPostgresDatabase(prefix = "duet_test"): Promise<EmptyPostgresDatabase> {
  // Unquoted-identifier safe: lower-case letters, digits and underscores only.
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  await runAdminStatement(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE (PostgreSQL 13+) ends connections a node or a failed test still holds open.
    drop: () => runAdminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdminStatement(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, port } = new URL(TEST_POSTGRES_URL);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(
      `These tests need PostgreSQL at ${host || "localhost"}:${port || 5432} (${reason}). ` + "Start it, or point TEST_POSTGRES_URL at one.",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
