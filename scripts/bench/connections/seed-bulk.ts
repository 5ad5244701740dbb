/**
 * Thousands of members, rooms and sign-in sessions in seconds. The data functions the tests
 * seed with hash a password per user (argon2id, ~50 ms) and write a row at a time, and Prisma's
 * createMany took ~0.5 ms a row here (40,000 rows: 20 s); multi-row INSERTs through Prisma.sql
 * take ~0.05 ms a row, with placeholders each provider understands and dates converted by the
 * same driver adapter as the app's. No passwords: nobody signs in; each member gets a session
 * row and the cookie a browser signed into it would send.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { Prisma } from "../../../lib/server/db/generated/sqlite/client";
import { SESSION_MAX_AGE_SECONDS } from "../../../lib/server/auth/session-cookie";
import type { TDbClient } from "../../../lib/server/db/create-db-client";
import { newRoomId } from "../../../lib/server/rooms/create-room";
import { TEST_AUTH_SECRET } from "../../../tests/helpers/seed";

const BATCH = 500;

export interface TSeededMember {
  userId: string;
  /** The Cookie header of the member's signed-in browser. */
  cookie: string;
}

export interface TSeededRoom {
  roomId: string;
  owner: TSeededMember;
  guest: TSeededMember | null;
}

interface TUserRow {
  id: string;
  email: string;
  name: string;
}

export interface SeedRoomsOptions {
  /** A guest member in every room, besides its owner. */
  guests: boolean;
  /** "own": every room has members of its own; "shared": one owner (and one guest) for all. */
  members: "own" | "shared";
  /** Tells this batch's accounts apart from other batches' in one database. */
  label: string;
}

/** `count` rooms and their members, every member signed in once. */
export async function seedRooms(db: TDbClient, count: number, { guests, members, label }: SeedRoomsOptions): Promise<TSeededRoom[]> {
  const run = randomBytes(4).toString("hex");
  const people = members === "own" ? count : 1;
  const user = (role: string, i: number): TUserRow => ({ id: randomUUID(), email: `${label}-${run}-${role}-${i}@bench.test`, name: `${role} ${i}` });
  const owners = Array.from({ length: people }, (_, i) => user("owner", i));
  const guestRows = guests ? Array.from({ length: people }, (_, i) => user("guest", i)) : [];
  const ownerOf = (room: number) => owners[members === "own" ? room : 0]!;
  const guestOf = (room: number) => guestRows[members === "own" ? room : 0]!;
  const roomIds = Array.from({ length: count }, () => newRoomId());
  const users = [...owners, ...guestRows];
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const sessions = users.map((row) => ({ id: randomBytes(16).toString("base64url"), userId: row.id }));

  await insertRows(
    db,
    "User",
    ["id", "email", "name"],
    users.map(({ id, email, name }) => [id, email, name]),
  );
  await insertRows(
    db,
    "Room",
    ["id", "name", "ownerId"],
    roomIds.map((id, i) => [id, `Bench room ${i}`, ownerOf(i).id]),
  );
  const memberships = roomIds.flatMap((roomId, i) => [[roomId, ownerOf(i).id, "owner"], ...(guests ? [[roomId, guestOf(i).id, "guest"]] : [])]);
  await insertRows(db, "Membership", ["roomId", "userId", "role"], memberships);
  await insertRows(
    db,
    "AuthSession",
    ["id", "userId", "expiresAt"],
    sessions.map(({ id, userId }) => [id, userId, expiresAt]),
  );

  const cookies = new Map<string, string>();
  for (const [i, row] of users.entries()) cookies.set(row.id, await cookieFor(row, sessions[i]!.id));
  const member = (row: TUserRow): TSeededMember => ({ userId: row.id, cookie: cookies.get(row.id)! });
  return roomIds.map((roomId, i) => ({ roomId, owner: member(ownerOf(i)), guest: guests ? member(guestOf(i)) : null }));
}

/** What next-auth sets after sign-in: a JWT naming the user and the session row (see tests/helpers/seed.ts). */
async function cookieFor(row: TUserRow, sid: string): Promise<string> {
  const token = await encode({ token: { sub: row.id, name: row.name, sid }, secret: TEST_AUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

/** Multi-row INSERTs, a batch at a time (500 rows x 3 values stays under both providers' parameter limits). */
async function insertRows(db: TDbClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const into = Prisma.raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `);
  for (let start = 0; start < rows.length; start += BATCH) {
    const values = rows.slice(start, start + BATCH).map((row) => Prisma.sql`(${Prisma.join(row)})`);
    await db.$executeRaw(Prisma.sql`${into}${Prisma.join(values)}`);
  }
}
