/**
 * The baseline's storage: one INSERT per message through the raw driver, autocommitted, into
 * Duet's own Message table (same indexes, same foreign keys), on the same database settings.
 */
import Database from "better-sqlite3";
import { Pool } from "pg";
import { getDatabaseProvider, getSqliteFilePath } from "../../../lib/server/db/database-url";
import { MESSAGE_COLUMNS, prepareSqliteMessageInsert, type TMessageRow } from "../message-rows";

export interface BareStore {
  insert(row: TMessageRow): Promise<void>;
  close(): Promise<void>;
}

export function openBareStore(databaseUrl: string): BareStore {
  return getDatabaseProvider(databaseUrl) === "sqlite" ? openSqlite(databaseUrl) : openPostgresql(databaseUrl);
}

function openSqlite(databaseUrl: string): BareStore {
  const db = new Database(getSqliteFilePath(databaseUrl), { timeout: 5000 });
  // What Duet's connections run (create-db-client.ts).
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  const insertMessage = prepareSqliteMessageInsert(db);
  return {
    async insert(row) {
      insertMessage(row);
    },
    async close() {
      db.close();
    },
  };
}

function openPostgresql(databaseUrl: string): BareStore {
  // pg's default pool (10 connections), as Prisma's PostgreSQL adapter uses.
  const pool = new Pool({ connectionString: databaseUrl });
  const text = `INSERT INTO "Message" (${MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`;
  return {
    async insert({ id, roomId, authorId, clientId, body, createdAt }) {
      await pool.query(text, [id, roomId, authorId, clientId, body, createdAt]);
    },
    close: () => pool.end(),
  };
}
