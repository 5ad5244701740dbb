import type { TDbClient } from "@/lib/server/db/create-db-client";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, type TestClient, type TestRealtimeServer } from "./realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "./seed";

/** A 1:1 room and the two people in it. */
export interface TRoomMembers {
  owner: TPublicUser;
  guest: TPublicUser;
  room: TRoomSummary;
}

export interface TTwoMembersInARoom extends TRoomMembers {
  ownerSocket: TestClient;
  guestSocket: TestClient;
  /** The guest's signed-in Cookie header, to open the room as them again. */
  guestCookie: string;
}

/**
 * A room's owner and guest, each with the room open on `server` and admitted, the owner first.
 * Without `members` it seeds a room of its own (Olga's, with Gus), so what a test does to the
 * room touches no other test.
 */
export async function twoMembersInARoom(db: TDbClient, server: TestRealtimeServer, members?: TRoomMembers): Promise<TTwoMembersInARoom> {
  const { owner, guest, room } = members ?? (await seedOwnRoom(db));
  const guestCookie = await sessionCookie(db, guest);
  const ownerSocket = await connected(server.client(room.id, { cookie: await sessionCookie(db, owner) }));
  const guestSocket = await connected(server.client(room.id, { cookie: guestCookie }));
  return { owner, guest, room, ownerSocket, guestSocket, guestCookie };
}

async function seedOwnRoom(db: TDbClient): Promise<TRoomMembers> {
  const [owner, guest] = await seedUsers(db, ["Olga", "Gus"]);
  return { owner, guest, room: await seedRoom(db, owner, guest) };
}
