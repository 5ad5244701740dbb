/**
 * Message rows written straight through a driver (better-sqlite3, pg), past Prisma, by the
 * benches that need more rows or less overhead than the app's own path: the chat baseline
 * (chat/bare-store.ts) and the history seeding (history/seed-database.ts). Both write into
 * Duet's own Message table, so its indexes, foreign keys and search triggers apply.
 */
import type Database from "better-sqlite3";

export interface TMessageRow {
  id: string;
  roomId: string;
  authorId: string;
  clientId: string;
  body: string;
  createdAt: Date;
}

/** The Message table's columns, in TMessageRow's order. */
export const MESSAGE_COLUMNS = `"id", "roomId", "authorId", "clientId", "body", "createdAt"`;

/** The text form Prisma's SQLite adapter writes a time in, so rows written here sort and compare as the app's do. */
export const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A prepared one-row insert; inside a transaction or not is the caller's choice. */
export function prepareSqliteMessageInsert(db: Database.Database): (row: TMessageRow) => void {
  const statement = db.prepare(`INSERT INTO "Message" (${MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  return ({ id, roomId, authorId, clientId, body, createdAt }) => {
    statement.run(id, roomId, authorId, clientId, body, sqliteTime(createdAt));
  };
}
