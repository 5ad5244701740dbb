/**
 * A fresh, migrated database with `rooms` rooms of two members each, and each member's
 * session cookie: what the clients of one benchmark block connect as.
 */
import type { TDatabaseProvider } from "../../../lib/server/db/database-url";
import { TEST_SITE_URL } from "../../../tests/helpers/realtime-server";
import { seedRoom, sessionCookie } from "../../../tests/helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/test-database";

export interface Member {
  roomId: string;
  authorId: string;
  cookie: string;
  origin: string;
}

export interface BenchDatabase {
  database: TestDatabase;
  /** Two per room, side by side: members[2r] and members[2r + 1] share room r. */
  members: Member[];
}

export async function createBenchDatabase(provider: TDatabaseProvider, rooms: number): Promise<BenchDatabase> {
  const database = await createTestDatabase(provider);
  const { db } = database;
  // Straight inserts: seedUser would hash a password for each (argon2id, tens of ms apiece).
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: rooms * 2 }, (_, i) => ({ name: `Person ${i}`, email: `person-${i}@bench.test` })),
    select: { id: true, name: true },
  });
  const members: Member[] = [];
  for (let r = 0; r < rooms; r++) {
    const [owner, guest] = [users[2 * r]!, users[2 * r + 1]!];
    const room = await seedRoom(db, owner, guest);
    for (const user of [owner, guest]) {
      members.push({ roomId: room.id, authorId: user.id, cookie: await sessionCookie(db, user), origin: TEST_SITE_URL });
    }
  }
  return { database, members };
}
