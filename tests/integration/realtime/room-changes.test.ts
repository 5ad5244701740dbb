import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import {
  connected,
  newCallSessionId,
  nextEvent,
  refusal,
  startRealtimeServer,
  type TestClient,
  type TestRealtimeServer,
} from "../../helpers/realtime-server";
import { waitFor } from "../../helpers/wait-for";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { twoMembersInARoom } from "../../helpers/two-members-in-a-room";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { leaveRoom } from "@/lib/server/rooms/leave-room";
import { removeGuest } from "@/lib/server/rooms/remove-guest";
import { renameRoom } from "@/lib/server/rooms/rename-room";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";
import type { TRoomClosedReason } from "@/lib/shared/realtime-events";

const MEDIA = { audio: true, video: true };

/** Resolves with what the client was told, once the server closed it. */
function closedByServer(socket: TestClient): Promise<{ told: TRoomClosedReason | null; reason: string }> {
  let told: TRoomClosedReason | null = null;
  socket.once("room:closed", ({ reason }) => (told = reason));
  return new Promise((resolve) => socket.once("disconnect", (reason) => resolve({ told, reason })));
}

describe("a room's open pages hear at once when the room changes under them", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
  });

  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it("a removed guest's room closes and says so; the owner's call hears a hang-up and the room without them", async () => {
    const {
      owner: olga,
      guest: gus,
      room,
      ownerSocket: olgaSocket,
      guestSocket: gusSocket,
      guestCookie: gusCookie,
    } = await twoMembersInARoom(database.db, server);
    const gusCall = newCallSessionId();
    await olgaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    await gusSocket.emitWithAck("call:join", { callSessionId: gusCall, media: MEDIA });
    const gusClosed = closedByServer(gusSocket);
    const hungUp = nextEvent(olgaSocket, "call:peer-left");
    const updated = nextEvent(olgaSocket, "room:updated");

    // What DELETE /api/rooms/<id>/guest does: change the room, then tell its connections.
    const after = await removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id });
    server.publishRoomEvent({ roomId: room.id, closed: { userIds: [gus.id], reason: "removed" }, updated: { change: "guest-removed", room: after } });

    await expect(gusClosed).resolves.toEqual({ told: "removed", reason: "io server disconnect" });
    await expect(hungUp).resolves.toEqual({ userId: gus.id, callSessionId: gusCall, reason: "left" });
    expect(await updated).toMatchObject({ change: "guest-removed", room: { members: [{ id: olga.id, role: "owner" }] } });
    expect((await refusal(server.client(room.id, { cookie: gusCookie }))).message).toBe(ROOM_UNAVAILABLE);
    expect(olgaSocket.connected).toBe(true);
    olgaSocket.disconnect();
  });

  it("deleting the room closes both members' pages, telling each", async () => {
    const { owner: olga, room, ownerSocket: olgaSocket, guestSocket: gusSocket } = await twoMembersInARoom(database.db, server);
    const closed = [closedByServer(olgaSocket), closedByServer(gusSocket)];
    await deleteRoom(database.db, { roomId: room.id, userId: olga.id });
    server.publishRoomEvent({ roomId: room.id, closed: { userIds: "everyone", reason: "deleted" } });
    for (const each of await Promise.all(closed)) expect(each).toEqual({ told: "deleted", reason: "io server disconnect" });
    await waitFor(() => server.openRooms() === 0, "the deleted room's namespace to go");
  });

  it("a guest who leaves from one tab has their other tab closed, and the owner is told", async () => {
    const { guest: gus, room, ownerSocket: olgaSocket, guestSocket: gusSocket } = await twoMembersInARoom(database.db, server);
    const gusClosed = closedByServer(gusSocket);
    const updated = nextEvent(olgaSocket, "room:updated");
    const after = await leaveRoom(database.db, { roomId: room.id, userId: gus.id });
    server.publishRoomEvent({ roomId: room.id, closed: { userIds: [gus.id], reason: "left" }, updated: { change: "guest-left", room: after } });
    await expect(gusClosed).resolves.toEqual({ told: "left", reason: "io server disconnect" });
    expect(await updated).toMatchObject({ change: "guest-left" });
    olgaSocket.disconnect();
  });

  it("a rename reaches both members' pages, and closes nobody's", async () => {
    const { owner: olga, room, ownerSocket: olgaSocket, guestSocket: gusSocket } = await twoMembersInARoom(database.db, server);
    const seen = [nextEvent(olgaSocket, "room:updated"), nextEvent(gusSocket, "room:updated")];
    const renamed = await renameRoom(database.db, { roomId: room.id, userId: olga.id, name: "Friday planning" });
    server.publishRoomEvent({ roomId: room.id, updated: { change: "renamed", room: renamed } });
    for (const update of await Promise.all(seen)) expect(update).toMatchObject({ change: "renamed", room: { name: "Friday planning" } });
    expect(olgaSocket.connected && gusSocket.connected).toBe(true);
    olgaSocket.disconnect();
    gusSocket.disconnect();
  });

  it("closes a connection admitted on a membership check made just before its member was removed", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const room = await seedRoom(database.db, olga, gus);
    // A database whose first membership answer comes back only after the removal was committed
    // and announced: the handshake admits Gus on a stale answer, and the announcement found no
    // connection of his to close. Only the second look, once the connection is tracked, can.
    let stale = true;
    const membership = new Proxy(database.db.membership, {
      get(target, property, receiver) {
        if (property !== "findUnique") return Reflect.get(target, property, receiver);
        return async (args: Parameters<typeof target.findUnique>[0]) => {
          const answer = await target.findUnique(args);
          if (stale) {
            stale = false;
            await removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id });
            racing.publishRoomEvent({ roomId: room.id, closed: { userIds: [gus.id], reason: "removed" } });
          }
          return answer;
        };
      },
    });
    const db = new Proxy(database.db, {
      get: (target, property, receiver) => (property === "membership" ? membership : Reflect.get(target, property, receiver)),
    });
    const racing = await startRealtimeServer(db);
    try {
      const gusSocket = await connected(racing.client(room.id, { cookie: await sessionCookie(database.db, gus) }));
      await waitFor(() => !gusSocket.connected, "the late-admitted connection to be closed");
      expect(stale).toBe(false);
    } finally {
      await racing.close();
    }
  });
});
