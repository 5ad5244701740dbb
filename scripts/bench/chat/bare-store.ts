/**
 * The baseline's storage: one INSERT per message through the raw driver, autocommitted, into
 * Duet's own Message table (same indexes, same foreign keys), on the same database settings.
 */
import Database from "better-sqlite3";
import { Pool } from "pg";
import { getDatabaseProvider, getSqliteFilePath } from "../../../lib/server/db/database-url";

export interface BareRow {
  id: string;
  roomId: string;
  authorId: string;
  clientId: string;
  body: string;
  createdAt: Date;
}

export interface BareStore {
  insert(row: BareRow): Promise<void>;
  close(): Promise<void>;
}

const COLUMNS = `"id", "roomId", "authorId", "clientId", "body", "createdAt"`;

export function openBareStore(databaseUrl: string): BareStore {
  return getDatabaseProvider(databaseUrl) === "sqlite" ? openSqlite(databaseUrl) : openPostgresql(databaseUrl);
}

function openSqlite(databaseUrl: string): BareStore {
  const db = new Database(getSqliteFilePath(databaseUrl), { timeout: 5000 });
  // What Duet's connections run (create-db-client.ts).
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  const statement = db.prepare(`INSERT INTO "Message" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  return {
    async insert({ id, roomId, authorId, clientId, body, createdAt }) {
      // The text form Prisma's SQLite adapter writes, so both servers' rows sort alike.
      statement.run(id, roomId, authorId, clientId, body, createdAt.toISOString().replace("Z", "+00:00"));
    },
    async close() {
      db.close();
    },
  };
}

function openPostgresql(databaseUrl: string): BareStore {
  // pg's default pool (10 connections), as Prisma's PostgreSQL adapter uses.
  const pool = new Pool({ connectionString: databaseUrl });
  const text = `INSERT INTO "Message" (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`;
  return {
    async insert({ id, roomId, authorId, clientId, body, createdAt }) {
      await pool.query(text, [id, roomId, authorId, clientId, body, createdAt]);
    },
    close: () => pool.end(),
  };
}
