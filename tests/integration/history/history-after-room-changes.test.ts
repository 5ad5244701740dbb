// What a room's history becomes when the room changes: a removed guest (or one who left) no
// longer reads its timeline, search results or export, while the owner keeps the whole record;
// a deleted room takes its call records and its messages' search index entries with it; and a
// guest removed or a room deleted mid-call never leaves a call open.
import { drainInFlight } from "@/lib/server/realtime/in-flight";
import { startCall } from "@/lib/server/calls/start-call";
import { requireMemberRoom } from "@/lib/server/history/require-member-room";
import { listTimeline } from "@/lib/server/history/list-timeline";
import { searchMessages } from "@/lib/server/messages/search-messages";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { leaveRoom } from "@/lib/server/rooms/leave-room";
import { removeGuest } from "@/lib/server/rooms/remove-guest";
import { requireMembership } from "@/lib/server/rooms/require-membership";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";
import { TIMELINE_PAGE_DEFAULT } from "@/lib/shared/timeline";
import type { TPublicUser } from "@/lib/shared/user";
import { newCallSessionId, startRealtimeServer, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, getTestDatabaseProvider, type TestDatabase } from "../../helpers/test-database";
import { twoMembersInARoom } from "../../helpers/two-members-in-a-room";
import { waitFor } from "../../helpers/wait-for";

const UNAVAILABLE = { code: "NOT_FOUND", message: ROOM_UNAVAILABLE };
const MEDIA = { audio: true, video: true };
const T0 = Date.parse("2026-10-01T09:00:00.000Z");

describe("a room's history after the room changes", () => {
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

  /** Olga's room with Gus: a message from each and one finished call. */
  async function roomWithHistory(word: string) {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const room = await seedRoom(database.db, olga, gus);
    const say = (author: TPublicUser, body: string, at: number) =>
      database.db.message.create({ data: { roomId: room.id, authorId: author.id, clientId: crypto.randomUUID(), body, createdAt: new Date(at) } });
    await say(olga, `the ${word} is on the shelf`, T0);
    await say(gus, `thanks, ${word} found`, T0 + 1_000);
    await startCall(database.db, {
      roomId: room.id,
      sides: [
        { userId: olga.id, callSessionId: newCallSessionId() },
        { userId: gus.id, callSessionId: newCallSessionId() },
      ],
      now: new Date(T0 + 2_000),
    });
    return { olga, gus, room };
  }

  /** Olga's room with Gus, both in a call that one of their browsers reported connected, so it is on record. */
  async function callOnRecord(reportedBy: "owner" | "guest") {
    const members = await twoMembersInARoom(database.db, server);
    const [ownerCall, guestCall] = [newCallSessionId(), newCallSessionId()];
    await members.ownerSocket.emitWithAck("call:join", { callSessionId: ownerCall, media: MEDIA });
    await members.guestSocket.emitWithAck("call:join", { callSessionId: guestCall, media: MEDIA });
    if (reportedBy === "owner") members.ownerSocket.emit("call:connected", { peerCallSessionId: guestCall });
    else members.guestSocket.emit("call:connected", { peerCallSessionId: ownerCall });
    await waitFor(() => database.db.call.findFirst({ where: { roomId: members.room.id } }), "the call to be recorded");
    return { ...members, ownerCall, guestCall };
  }

  const kindsOf = async (roomId: string) =>
    (await listTimeline(database.db, { roomId, limit: TIMELINE_PAGE_DEFAULT })).entries.map((entry) => entry.kind);
  const bodiesFound = async (user: TPublicUser, word: string, roomId?: string) =>
    (await searchMessages(database.db, { userId: user.id, roomId, query: word, limit: 20 })).results.map((result) => result.message.body);

  it("a removed guest can no longer read the timeline, search or export; the owner keeps the guest's messages and the call", async () => {
    const { olga, gus, room } = await roomWithHistory("parsnip");
    expect(await bodiesFound(gus, "parsnip")).toHaveLength(2);

    await removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id });

    // The checks the timeline, search and export routes make before reading anything.
    await expect(requireMembership(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
    await expect(requireMemberRoom(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
    // Searching all one's rooms is not a way around it.
    expect(await bodiesFound(gus, "parsnip")).toEqual([]);

    await expect(requireMemberRoom(database.db, { roomId: room.id, userId: olga.id })).resolves.toMatchObject({ id: room.id });
    expect(await bodiesFound(olga, "parsnip", room.id)).toEqual(["thanks, parsnip found", "the parsnip is on the shelf"]);
    expect(await kindsOf(room.id)).toEqual(["message", "message", "call-started"]);
  });

  it("a guest who left no longer finds the room's messages", async () => {
    const { olga, gus, room } = await roomWithHistory("turnip");
    await leaveRoom(database.db, { roomId: room.id, userId: gus.id });
    expect(await bodiesFound(gus, "turnip")).toEqual([]);
    await expect(requireMemberRoom(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
    expect(await bodiesFound(olga, "turnip")).toHaveLength(2);
  });

  it("deleting a room takes its call records and its messages' search entries, and leaves other rooms' alone", async () => {
    const { olga, gus, room } = await roomWithHistory("rutabaga");
    const other = await seedRoom(database.db, olga, gus);
    await database.db.message.create({ data: { roomId: other.id, authorId: gus.id, clientId: crypto.randomUUID(), body: "rutabaga soup" } });

    await deleteRoom(database.db, { roomId: room.id, userId: olga.id });

    await expect(database.db.call.count({ where: { roomId: room.id } })).resolves.toBe(0);
    await expect(database.db.callParticipant.count({ where: { call: { roomId: room.id } } })).resolves.toBe(0);
    expect(await bodiesFound(olga, "rutabaga")).toEqual(["rutabaga soup"]);
    if (getTestDatabaseProvider() === "sqlite") {
      // The index rows themselves, not only what the search shows: nothing of the room is left behind.
      const [orphans] = await database.db.$queryRawUnsafe<Array<{ documents: number | bigint }>>(
        `SELECT count(*) AS "documents" FROM "MessageSearchDoc" d LEFT JOIN "Message" m ON m."id" = d."messageId" WHERE m."id" IS NULL`,
      );
      expect(Number(orphans?.documents)).toBe(0);
      const [matches] = await database.db.$queryRawUnsafe<Array<{ indexed: number | bigint }>>(
        `SELECT count(*) AS "indexed" FROM "MessageSearch" WHERE "MessageSearch" MATCH 'rutabaga'`,
      );
      expect(Number(matches?.indexed)).toBe(1);
    }
  });

  it("removing a guest mid-call ends the call as a hang-up", async () => {
    const { owner: olga, guest: gus, room, ownerSocket: olgaSocket } = await callOnRecord("owner");

    const after = await removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id });
    server.publishRoomEvent({ roomId: room.id, closed: { userIds: [gus.id], reason: "removed" }, updated: { change: "guest-removed", room: after } });

    const ended = await waitFor(() => database.db.call.findFirst({ where: { roomId: room.id, endedAt: { not: null } } }), "the call to end");
    expect(ended.endReason).toBe("hung-up");
    olgaSocket.disconnect();
    await drainInFlight();
  });

  it("deleting a room mid-call closes both pages and leaves no call behind", async () => {
    const {
      owner: olga,
      room,
      ownerSocket: olgaSocket,
      guestSocket: gusSocket,
      ownerCall: olgaCall,
      guestCall: gusCall,
    } = await callOnRecord("guest");

    const closed = [olgaSocket, gusSocket].map((socket) => new Promise((resolve) => socket.once("disconnect", resolve)));
    await deleteRoom(database.db, { roomId: room.id, userId: olga.id });
    server.publishRoomEvent({ roomId: room.id, closed: { userIds: "everyone", reason: "deleted" } });
    await Promise.all(closed);
    // The hang-ups the closing connections cause find no call to end: it went with the room.
    await drainInFlight();
    await expect(database.db.call.count({ where: { roomId: room.id } })).resolves.toBe(0);
    await expect(database.db.callParticipant.count({ where: { callSessionId: { in: [olgaCall, gusCall] } } })).resolves.toBe(0);
  });
});
