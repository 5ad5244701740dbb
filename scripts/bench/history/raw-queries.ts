/**
 * The benchmark's baseline: what each data function asks of the database, written by hand in
 * SQL and sent straight through the driver (better-sqlite3, pg). The gap between the two
 * columns of the report is what Prisma and the app's own work (merging, mapping) cost.
 * SQL is written once with `?` placeholders; PostgreSQL gets them numbered.
 */
import Database from "better-sqlite3";
import { Pool } from "pg";
import { getSqliteFilePath, type TDatabaseProvider } from "../../../lib/server/db/database-url";
import { postgresSearchSql } from "../../../lib/server/messages/search-messages-postgresql";
import { roomSearchKey } from "../../../lib/server/messages/search-messages-sqlite";

export interface TRawDb {
  provider: TDatabaseProvider;
  all(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export async function openRawDb(provider: TDatabaseProvider, url: string): Promise<TRawDb> {
  if (provider === "sqlite") {
    const db = new Database(getSqliteFilePath(url), { readonly: true });
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql)!;
    return {
      provider,
      all: async (sql, params) => prepare(sql).all(...params) as Array<Record<string, unknown>>,
      close: async () => void db.close(),
    };
  }
  // A pool, as Prisma's pg adapter uses: a page's independent queries run side by side.
  const pool = new Pool({ connectionString: url, max: 4 });
  return {
    provider,
    all: async (sql, params) => {
      let n = 0;
      // Written with ? (or already numbered, as the app's own search SQL is).
      return (await pool.query(sql.includes("?") ? sql.replace(/\?/g, () => `$${++n}`) : sql, params)).rows as Array<Record<string, unknown>>;
    },
    close: () => pool.end(),
  };
}

const MESSAGE_COLUMNS = `m.id, m."clientId", m.body, m."createdAt", u.id AS "authorId", u.name, u."deletedAt"`;
const CALL_COLUMNS = `c.id, c."startedAt", c."endedAt", c."endReason", p."userId", u.name, p.path, p.protocol, p."rttMs", p."packetLossPct", p."frameWidth", p."frameHeight"`;

function messagesQuery(direction: "before" | "after" | "newest") {
  const order = direction === "after" ? "ASC" : "DESC";
  const [beyond, beyondOrAt] = direction === "before" ? ["<", "<="] : [">", ">="];
  const bound =
    direction === "newest" ? "" : `AND m."createdAt" ${beyondOrAt} ? AND (m."createdAt" ${beyond} ? OR (m."createdAt" = ? AND m.id ${beyond} ?))`;
  return `SELECT ${MESSAGE_COLUMNS} FROM "Message" m JOIN "User" u ON u.id = m."authorId"
           WHERE m."roomId" = ? ${bound} ORDER BY m."createdAt" ${order}, m.id ${order} LIMIT ?`;
}

function callsQuery(column: "startedAt" | "endedAt", direction: "before" | "after" | "newest") {
  const order = direction === "after" ? "ASC" : "DESC";
  const bound =
    direction === "newest" ? (column === "endedAt" ? `AND "endedAt" IS NOT NULL` : "") : `AND "${column}" ${direction === "before" ? "<=" : ">="} ?`;
  return `SELECT ${CALL_COLUMNS} FROM (SELECT * FROM "Call" WHERE "roomId" = ? ${bound} ORDER BY "${column}" ${order}, id ${order} LIMIT ?) c
            JOIN "CallParticipant" p ON p."callId" = c.id JOIN "User" u ON u.id = p."userId"`;
}

/** The newest page: a page of messages with their authors, and a page each of call starts and ends. */
export async function rawNewestPage(db: TRawDb, roomId: string, limit: number): Promise<number> {
  const [messages] = await Promise.all([
    db.all(messagesQuery("newest"), [roomId, limit + 1]),
    db.all(callsQuery("startedAt", "newest"), [roomId, limit + 9]),
    db.all(callsQuery("endedAt", "newest"), [roomId, limit + 9]),
  ]);
  return messages.length;
}

/** A permalink page: the message, then half a page of messages and call events either side of it. */
export async function rawPermalinkPage(db: TRawDb, roomId: string, messageId: string, limit: number): Promise<number> {
  // The time as the database holds it, text in both: it goes straight back as a parameter.
  const [anchor] = await db.all(
    `SELECT ${MESSAGE_COLUMNS}, CAST(m."createdAt" AS TEXT) AS at FROM "Message" m JOIN "User" u ON u.id = m."authorId" WHERE m.id = ? AND m."roomId" = ?`,
    [messageId, roomId],
  );
  if (!anchor) throw new Error(`no message ${messageId}`);
  const at = String(anchor.at);
  const side = (direction: "before" | "after") =>
    Promise.all([
      db.all(messagesQuery(direction), [roomId, at, at, at, messageId, limit]),
      db.all(callsQuery("startedAt", direction), [roomId, at, limit + 8]),
      db.all(callsQuery("endedAt", direction), [roomId, at, limit + 8]),
    ]);
  const [[before], [after]] = await Promise.all([side("before"), side("after")]);
  return before.length + after.length + 1;
}

/**
 * A page of search results: the full-text query (on PostgreSQL, the same SQL as the app with
 * the plan the app chose for these words, `walk`), then the messages with author and room.
 */
export async function rawSearch(db: TRawDb, roomIds: string[], terms: string[], limit: number, walk: boolean): Promise<number> {
  const ids =
    db.provider === "sqlite"
      ? (
          await db.all(
            `SELECT d."messageId" AS id FROM "MessageSearch" s JOIN "MessageSearchDoc" d ON d."docId" = s.rowid
              WHERE "MessageSearch" MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
            [`roomKey : (${roomIds.map(roomSearchKey).join(" OR ")}) AND body : (${terms.map((term) => `"${term}"`).join(" AND ")})`, limit + 1],
          )
        ).map((row) => row.id as string)
      : (await db.all(postgresSearchSql({ walk, older: false }), [roomIds, terms.map((term) => `'${term}'`).join(" & "), limit + 1])).map(
          (row) => row.id as string,
        );
  if (ids.length === 0) return 0;
  const rows = await db.all(
    `SELECT ${MESSAGE_COLUMNS}, r.name AS "roomName" FROM "Message" m JOIN "User" u ON u.id = m."authorId" JOIN "Room" r ON r.id = m."roomId"
      WHERE m.id IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  return rows.length;
}
