/**
 * Fills a migrated database with the benchmark's conversation by bulk SQL, straight through
 * each provider's driver (better-sqlite3, pg): a million messages in minutes rather than the
 * hours one Prisma create per message would take. The database's own triggers and indexes
 * (full-text search included) do what they do for every message the app stores.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { Client } from "pg";
import { getSqliteFilePath, type TDatabaseProvider } from "../../../lib/server/db/database-url";
import { MESSAGE_COLUMNS, prepareSqliteMessageInsert, sqliteTime, type TMessageRow } from "../message-rows";
import { benchCalls, benchMessages, OTHER_ROOM_SHARE, type TBenchCall } from "./bench-data";

export interface TBenchRooms {
  busyRoomId: string;
  otherRoomId: string;
  /** The reader: a member of both rooms. */
  userId: string;
  /** A message a tenth of the way into the busy room: a permalink deep in its history. */
  deepMessageId: string;
}

const BATCH = 5_000;
const START = new Date("2024-01-01T00:00:00.000Z");

/** Where a seeded database keeps what the benchmark needs to find again (BENCH_HISTORY_KEEP). */
const roomName = (messages: number) => `Bench busy room (${messages})`;

/** The rooms of an earlier seeding of the same size, if this database holds one. */
export async function findSeeded(provider: TDatabaseProvider, url: string, messages: number): Promise<TBenchRooms | null> {
  const rows = await query(provider, url, `SELECT id, "ownerId" FROM "Room" WHERE name = $1`, [roomName(messages)]);
  const busy = rows[0] as { id: string; ownerId: string } | undefined;
  if (!busy) return null;
  const other = (await query(provider, url, `SELECT id FROM "Room" WHERE name = $1`, ["Bench other room"]))[0] as { id: string } | undefined;
  const count = (await query(provider, url, `SELECT count(*) AS n FROM "Message" WHERE "roomId" = $1`, [busy.id]))[0] as { n: number | string };
  if (!other || Number(count.n) !== messages) return null;
  const deep = benchMessages({ id: busy.id, tag: "a", authors: ["", ""] }, START, Math.floor(messages / 10), Math.floor(messages / 10) + 1).next()
    .value as TMessageRow;
  return { busyRoomId: busy.id, otherRoomId: other.id, userId: busy.ownerId, deepMessageId: deep.id };
}

export async function seedDatabase(
  provider: TDatabaseProvider,
  url: string,
  messages: number,
  onProgress: (done: number, total: number) => void,
): Promise<TBenchRooms> {
  const people = ["Ada", "Ben", "Cy"].map((name) => ({ id: `u${name.toLowerCase()}${randomBytes(8).toString("hex")}`, name }));
  const [ada, ben, cy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  const busy = { id: randomBytes(16).toString("base64url"), tag: "a" as const, authors: [ada.id, ben.id] as [string, string] };
  const other = { id: randomBytes(16).toString("base64url"), tag: "b" as const, authors: [ada.id, cy.id] as [string, string] };
  const otherMessages = Math.max(100, Math.floor(messages * OTHER_ROOM_SHARE));
  const writer = provider === "sqlite" ? sqliteWriter(url) : await postgresWriter(url);
  try {
    await writer.people(people, [
      { id: busy.id, name: roomName(messages), ownerId: ada.id, guestId: ben.id },
      { id: other.id, name: "Bench other room", ownerId: ada.id, guestId: cy.id },
    ]);
    const total = messages + otherMessages;
    let done = 0;
    for (const [room, count] of [
      [busy, messages],
      [other, otherMessages],
    ] as const) {
      for (let from = 0; from < count; from += BATCH) {
        await writer.messages([...benchMessages(room, START, from, Math.min(count, from + BATCH))]);
        done += Math.min(BATCH, count - from);
        onProgress(done, total);
      }
    }
    await writer.calls(benchCalls(busy, START, messages));
    await writer.analyze();
  } finally {
    await writer.close();
  }
  const deep = benchMessages(busy, START, Math.floor(messages / 10), Math.floor(messages / 10) + 1).next().value as TMessageRow;
  return { busyRoomId: busy.id, otherRoomId: other.id, userId: ada.id, deepMessageId: deep.id };
}

interface TWriter {
  people(users: Array<{ id: string; name: string }>, rooms: Array<{ id: string; name: string; ownerId: string; guestId: string }>): Promise<void>;
  messages(rows: TMessageRow[]): Promise<void>;
  calls(calls: TBenchCall[]): Promise<void>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(url: string): TWriter {
  const db = new Database(getSqliteFilePath(url));
  db.pragma("journal_mode = WAL");
  // A scratch database being filled: losing it to a power cut costs only a rerun.
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const now = sqliteTime(new Date());
  const insertMessage = prepareSqliteMessageInsert(db);
  return {
    async people(users, rooms) {
      db.transaction(() => {
        for (const user of users)
          db.prepare(`INSERT INTO "User" (id, email, name, "createdAt") VALUES (?, ?, ?, ?)`).run(user.id, `${user.id}@bench.test`, user.name, now);
        for (const room of rooms) {
          db.prepare(`INSERT INTO "Room" (id, name, "ownerId", "createdAt", "lastActivityAt") VALUES (?, ?, ?, ?, ?)`).run(
            room.id,
            room.name,
            room.ownerId,
            now,
            now,
          );
          db.prepare(`INSERT INTO "Membership" ("roomId", "userId", role, "joinedAt") VALUES (?, ?, 'owner', ?), (?, ?, 'guest', ?)`).run(
            room.id,
            room.ownerId,
            now,
            room.id,
            room.guestId,
            now,
          );
        }
      })();
    },
    async messages(rows) {
      db.transaction(() => {
        for (const row of rows) insertMessage(row);
      })();
    },
    async calls(calls) {
      const insertCall = db.prepare(
        `INSERT INTO "Call" (id, "roomId", "sessionKey", "startedAt", "endedAt", "endReason", "lastSeenAt") VALUES (?, ?, ?, ?, ?, 'hung-up', ?)`,
      );
      const insertSide = db.prepare(
        `INSERT INTO "CallParticipant" ("callId", "userId", "callSessionId", path, protocol, "rttMs", "packetLossPct", "frameWidth", "frameHeight") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      db.transaction(() => {
        for (const call of calls) {
          insertCall.run(call.id, call.roomId, call.sessionKey, sqliteTime(call.startedAt), sqliteTime(call.endedAt), sqliteTime(call.endedAt));
          for (const side of call.participants) {
            insertSide.run(
              call.id,
              side.userId,
              side.callSessionId,
              side.path,
              side.protocol,
              side.rttMs,
              side.packetLossPct,
              side.frameWidth,
              side.frameHeight,
            );
          }
        }
      })();
    },
    async analyze() {
      db.exec("ANALYZE");
      db.pragma("wal_checkpoint(TRUNCATE)");
    },
    async close() {
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<TWriter> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const now = new Date().toISOString();
  return {
    async people(users, rooms) {
      for (const user of users)
        await client.query(`INSERT INTO "User" (id, email, name, "createdAt") VALUES ($1, $2, $3, $4)`, [
          user.id,
          `${user.id}@bench.test`,
          user.name,
          now,
        ]);
      for (const room of rooms) {
        await client.query(`INSERT INTO "Room" (id, name, "ownerId", "createdAt", "lastActivityAt") VALUES ($1, $2, $3, $4, $4)`, [
          room.id,
          room.name,
          room.ownerId,
          now,
        ]);
        await client.query(`INSERT INTO "Membership" ("roomId", "userId", role, "joinedAt") VALUES ($1, $2, 'owner', $4), ($1, $3, 'guest', $4)`, [
          room.id,
          room.ownerId,
          room.guestId,
          now,
        ]);
      }
    },
    async messages(rows) {
      const column = <K extends keyof TMessageRow>(key: K) => rows.map((row) => (key === "createdAt" ? row.createdAt.toISOString() : row[key]));
      await client.query(
        `INSERT INTO "Message" (${MESSAGE_COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp[])`,
        [column("id"), column("roomId"), column("authorId"), column("clientId"), column("body"), column("createdAt")],
      );
    },
    async calls(calls) {
      for (const call of calls) {
        await client.query(
          `INSERT INTO "Call" (id, "roomId", "sessionKey", "startedAt", "endedAt", "endReason", "lastSeenAt") VALUES ($1, $2, $3, $4, $5, 'hung-up', $5)`,
          [call.id, call.roomId, call.sessionKey, call.startedAt.toISOString(), call.endedAt.toISOString()],
        );
        for (const side of call.participants) {
          await client.query(
            `INSERT INTO "CallParticipant" ("callId", "userId", "callSessionId", path, protocol, "rttMs", "packetLossPct", "frameWidth", "frameHeight") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [call.id, side.userId, side.callSessionId, side.path, side.protocol, side.rttMs, side.packetLossPct, side.frameWidth, side.frameHeight],
          );
        }
      }
    },
    async analyze() {
      // As autovacuum would by now: fold the GIN index's pending list in, and gather statistics.
      await client.query("VACUUM ANALYZE");
    },
    async close() {
      await client.end();
    },
  };
}

/** One query on a fresh connection ($1-style parameters; SQLite gets them positionally). */
async function query(provider: TDatabaseProvider, url: string, sql: string, params: unknown[]): Promise<unknown[]> {
  if (provider === "sqlite") {
    const db = new Database(getSqliteFilePath(url), { readonly: true });
    try {
      return db.prepare(sql.replace(/\$\d+/g, "?")).all(...params);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
