// Migrations, connection settings and constraints, on both providers. PostgreSQL must be
// running on 127.0.0.1:5432 (or TEST_POSTGRES_URL): these tests fail, not skip, without it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TDbClient } from "../../../lib/server/db/create-db-client";
import { DATABASE_PROVIDERS, type TDatabaseProvider } from "../../../lib/server/db/database-url";
import { getDbClient } from "../../../lib/server/db/db-singleton";
import { migrateDatabase } from "../../../scripts/lib/migrate-database";
import { MIGRATION_SCRIPT_FILE, readMigrationList } from "../../../scripts/lib/migrations";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const MODEL_TABLES = ["Account", "AuthSession", "Call", "CallParticipant", "Membership", "Message", "RemovedGuest", "Room", "User"];
/** Made by hand-written SQL in the migrations: SQLite's full-text search over chat (PostgreSQL needs only an index). */
const SEARCH_TABLES: Record<TDatabaseProvider, string[]> = {
  sqlite: ["MessageSearch", "MessageSearchDoc", "MessageSearch_config", "MessageSearch_data", "MessageSearch_docsize", "MessageSearch_idx"],
  postgresql: [],
};

async function listTables(db: TDbClient, provider: TDatabaseProvider): Promise<string[]> {
  const rows =
    provider === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()");
  return rows.map((row) => row.name).sort();
}

/** The committed migrations of a provider with the checksum Prisma records for each (SHA-256 of the script). */
async function committedMigrations(provider: TDatabaseProvider): Promise<{ name: string; checksum: string }[]> {
  const { baseDir, migrationDirectories } = await readMigrationList(provider);
  return Promise.all(
    migrationDirectories.map(async ({ path: name }) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(baseDir, name, MIGRATION_SCRIPT_FILE)))
        .digest("hex"),
    })),
  );
}

async function createRoomWithAuthor(db: TDbClient) {
  const author = await db.user.create({ data: { email: "ada@example.test", name: "Ada" } });
  const room = await db.room.create({ data: { id: "room-1", name: "Standup", ownerId: author.id } });
  return { author, room };
}

describe.each(DATABASE_PROVIDERS)("%s database", (provider) => {
  let testDb: TestDatabase;

  beforeEach(async () => {
    testDb = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await testDb?.cleanup();
  });

  it("migrating a fresh database creates every table, records each migration as Prisma Migrate does, and is idempotent", async () => {
    const { db, url } = testDb;
    expect(await listTables(db, provider)).toEqual([...MODEL_TABLES, ...SEARCH_TABLES[provider], "_prisma_migrations"].sort());

    const recorded = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(recorded.map(({ migration_name, checksum }) => ({ name: migration_name, checksum }))).toEqual(await committedMigrations(provider));
    for (const row of recorded) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }

    // Migrating locks a SQLite file exclusively (as Prisma's native engine does): close ours first.
    await db.$disconnect();
    await expect(migrateDatabase(url)).resolves.toEqual({ applied: [] });
  });

  it("rejects a duplicate (roomId, authorId, clientId) message in the database itself", async () => {
    const { db } = testDb;
    const { author, room } = await createRoomWithAuthor(db);
    const message = { roomId: room.id, authorId: author.id, clientId: "client-msg-1", body: "hello" };
    await db.message.create({ data: message });

    await expect(db.message.create({ data: { ...message, body: "hello again" } })).rejects.toMatchObject({ code: "P2002" });
    // The same clientId from another room is a different message.
    const otherRoom = await db.room.create({ data: { id: "room-2", name: "Retro", ownerId: author.id } });
    await expect(db.message.create({ data: { ...message, roomId: otherRoom.id } })).resolves.toMatchObject({ clientId: "client-msg-1" });
    expect(await db.message.count()).toBe(2);
  });

  it("deletes a room's messages and memberships with the room (foreign keys are enforced)", async () => {
    const { db } = testDb;
    const { author, room } = await createRoomWithAuthor(db);
    await db.membership.create({ data: { roomId: room.id, userId: author.id, role: "owner" } });
    await db.message.create({ data: { roomId: room.id, authorId: author.id, clientId: "c1", body: "hi" } });

    await expect(db.message.create({ data: { roomId: "no-such-room", authorId: author.id, clientId: "c2", body: "x" } })).rejects.toThrow();
    await db.room.delete({ where: { id: room.id } });
    expect(await db.message.count()).toBe(0);
    expect(await db.membership.count()).toBe(0);
  });
});

describe("SQLite", () => {
  it("creates the database file and its missing folders, relative paths resolved against the cwd", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "duet-migrate-"));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const { applied } = await migrateDatabase("file:./nested/data/duet.db");
      expect(applied).toEqual((await committedMigrations("sqlite")).map((migration) => migration.name));
      expect(existsSync(path.join(dir, "nested/data/duet.db"))).toBe(true);
    } finally {
      process.chdir(cwd);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("npm start's migration step reads DATABASE_URL from a .env file, as the server does", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "duet-migrate-env-"));
    try {
      await writeFile(path.join(dir, ".env"), "DATABASE_URL=file:./from-dotenv/duet.db\n");
      const env = { ...process.env, DATABASE_URL: undefined };
      const root = path.resolve(__dirname, "../../..");
      const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/db-migrate.ts")], {
        cwd: dir,
        env,
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(existsSync(path.join(dir, "from-dotenv/duet.db"))).toBe(true);
      expect(existsSync(path.join(dir, "data/duet.db"))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("runs every connection in WAL mode with synchronous = NORMAL and a 5 s busy timeout", async () => {
    const { db, cleanup } = await createTestDatabase("sqlite");
    try {
      const readSettings = async () => ({
        journalMode: (await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode"))[0]?.journal_mode,
        // 1 = NORMAL (2 = FULL, the default)
        synchronous: Number((await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous"))[0]?.synchronous),
        busyTimeout: Number((await db.$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout"))[0]?.timeout),
        foreignKeys: Number((await db.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys"))[0]?.foreign_keys),
      });
      const expected = { journalMode: "wal", synchronous: 1, busyTimeout: 5000, foreignKeys: 1 };
      expect(await readSettings()).toEqual(expected);
      // synchronous is per connection: a reconnect must set it again.
      await db.$disconnect();
      expect(await readSettings()).toEqual(expected);
    } finally {
      await cleanup();
    }
  });
});

describe("PostgreSQL", () => {
  it("keeps the chat search index's pending list small, so no chat insert waits on a large merge", async () => {
    const { db, cleanup } = await createTestDatabase("postgresql");
    try {
      const [index] = await db.$queryRawUnsafe<{ options: string[] | null }[]>(
        `SELECT reloptions AS options FROM pg_class WHERE oid = '"Message_body_search_idx"'::regclass`,
      );
      // kB; PostgreSQL's default is 4096.
      expect(index?.options).toEqual(["gin_pending_list_limit=256"]);
    } finally {
      await cleanup();
    }
  });
});

describe("getDbClient", () => {
  it("gives the process one client per database URL", () => {
    // Never connected: clients connect lazily. One module instance per process holds the map
    // (next.config.js keeps Next's bundle from loading a second one).
    const url = "file:/tmp/duet-singleton-test.db";
    expect(getDbClient(url)).toBe(getDbClient(url));
    expect(getDbClient("file:/tmp/duet-singleton-other.db")).not.toBe(getDbClient(url));
  });
});

describe("migrateDatabase errors", () => {
  it("fails with a clear message when PostgreSQL is unreachable", async () => {
    await expect(migrateDatabase("postgresql://postgres@127.0.0.1:1/duet")).rejects.toThrow(/Can't reach database server at `127\.0\.0\.1:1`/);
  });

  it("refuses a URL that is neither SQLite nor PostgreSQL", async () => {
    await expect(migrateDatabase("mysql://localhost/duet")).rejects.toThrow(/Unsupported DATABASE_URL scheme mysql:/);
  });
});
