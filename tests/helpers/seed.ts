import { encode } from "next-auth/jwt";
import { startAuthSession } from "@/lib/server/auth/auth-sessions";
import type { TDbClient } from "@/lib/server/db/create-db-client";
import { createRoom } from "@/lib/server/rooms/create-room";
import { joinRoom } from "@/lib/server/rooms/join-room";
import { createUser } from "@/lib/server/users/create-user";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

export const TEST_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

let counter = 0;

export async function seedUser(db: TDbClient, name: string): Promise<TPublicUser & { email: string; password: string }> {
  counter += 1;
  const email = `${name.toLowerCase()}-${counter}-${Date.now()}@example.test`;
  const password = "correct horse battery";
  const user = await createUser(db, { name, email, password });
  return { ...user, email, password };
}

type TSeededUser = Awaited<ReturnType<typeof seedUser>>;

/** Several users at once, in the order of their names. */
export async function seedUsers<const TNames extends readonly string[]>(db: TDbClient, names: TNames): Promise<{ [K in keyof TNames]: TSeededUser }> {
  const users: TSeededUser[] = [];
  for (const name of names) users.push(await seedUser(db, name));
  return users as { [K in keyof TNames]: TSeededUser };
}

/** A room with its owner and, when given, its guest (who asked to join). */
export async function seedRoom(db: TDbClient, owner: TPublicUser, guest?: TPublicUser): Promise<TRoomSummary> {
  const room = await createRoom(db, { ownerId: owner.id, name: `${owner.name}'s room` });
  return guest ? (await joinRoom(db, { roomId: room.id, userId: guest.id })).room : room;
}

/** The Cookie header a browser signed in as `user` would send: a real next-auth JWT naming a live session. */
export async function sessionCookie(db: TDbClient, user: TPublicUser, secret = TEST_AUTH_SECRET): Promise<string> {
  const sid = await startAuthSession(db, user.id);
  const token = await encode({ token: { sub: user.id, name: user.name, sid }, secret });
  return `next-auth.session-token=${token}`;
}
