import { randomUUID } from "node:crypto";
import type { TRedisClient } from "@/lib/server/redis-client";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, nextEvent, startRealtimeServer, type TestClient, type TestRealtimeServer, newCallSessionId } from "../../helpers/realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { isolatedAdapterNames, testRoomsAdapter } from "../../helpers/test-redis";
import { waitFor } from "../../helpers/wait-for";

const MEDIA = { audio: true, video: true };

describe("a room whose two members sit on different nodes", () => {
  let database: TestDatabase;
  const redisClients: TRedisClient[] = [];
  let nodeA: TestRealtimeServer;
  let nodeB: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let adaSocket: TestClient;
  let benSocket: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    const names = isolatedAdapterNames();
    const startNode = async () => {
      const { adapter, clients } = await testRoomsAdapter(names);
      redisClients.push(...clients);
      return startRealtimeServer(database.db, { adapter });
    };
    [nodeA, nodeB] = [await startNode(), await startNode()];
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
  });

  beforeEach(async () => {
    adaSocket = await connected(nodeA.client(room.id, { cookie: await sessionCookie(database.db, ada) }));
    benSocket = await connected(nodeB.client(room.id, { cookie: await sessionCookie(database.db, ben) }));
  });

  afterEach(async () => {
    adaSocket.disconnect();
    benSocket.disconnect();
    await waitFor(() => nodeA.openRooms() + nodeB.openRooms() === 0, "both nodes to close the room");
  });

  afterAll(async () => {
    await Promise.all([nodeA.close(), nodeB.close()]);
    await Promise.all(redisClients.map((client) => client.quit()));
    await database.cleanup();
  });

  it("shows each member who is present and in the call on the other node", async () => {
    const seenByAda: Array<{ members: Array<{ user: TPublicUser; inCall: boolean }> }> = [];
    adaSocket.on("presence:update", (presence) => seenByAda.push(presence));
    await benSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    await waitFor(() => seenByAda.at(-1)?.members.some((m) => m.user.id === ben.id && m.inCall), "Ada to see Ben in the call");
    expect(
      seenByAda
        .at(-1)
        ?.members.map((m) => m.user.id)
        .sort(),
    ).toEqual([ada.id, ben.id].sort());
  });

  it("pairs the call across nodes and relays signaling between them", async () => {
    const [adaCall, benCall] = [newCallSessionId(), newCallSessionId()];
    await adaSocket.emitWithAck("call:join", { callSessionId: adaCall, media: MEDIA });
    const paired = nextEvent(adaSocket, "call:peer-joined");
    const joined = await benSocket.emitWithAck("call:join", { callSessionId: benCall, media: MEDIA });
    expect(joined).toMatchObject({ ok: true, data: { pairing: { peer: { user: { id: ada.id }, callSessionId: adaCall } } } });
    expect((await paired).peer.callSessionId).toBe(benCall);

    const offer = { type: "offer" as const, sdp: "v=0\r\n" };
    const relayed = nextEvent(adaSocket, "signal:description");
    benSocket.emit("signal:description", { description: offer });
    expect(await relayed).toEqual({ from: ben.id, callSessionId: benCall, description: offer });
  });

  it("pairs exactly once, with one initiator, when both join at the same moment", async () => {
    const pairings = { ada: [] as boolean[], ben: [] as boolean[] };
    adaSocket.on("call:peer-joined", ({ initiator }) => pairings.ada.push(initiator));
    benSocket.on("call:peer-joined", ({ initiator }) => pairings.ben.push(initiator));
    const [adaJoined, benJoined] = await Promise.all([
      adaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA }),
      benSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA }),
    ]);
    if (adaJoined.ok && adaJoined.data.pairing) pairings.ada.push(adaJoined.data.pairing.initiator);
    if (benJoined.ok && benJoined.data.pairing) pairings.ben.push(benJoined.data.pairing.initiator);
    // A round trip through each node flushes any pairing still on its way.
    await Promise.all([
      adaSocket.emitWithAck("chat:send", { clientId: randomUUID(), body: "flush" }),
      benSocket.emitWithAck("chat:send", { clientId: randomUUID(), body: "flush" }),
    ]);
    expect(pairings.ada.length).toBeGreaterThan(0);
    expect(pairings.ben.length).toBeGreaterThan(0);
    const adaInitiates = new Set(pairings.ada);
    const benInitiates = new Set(pairings.ben);
    expect(adaInitiates.size).toBe(1);
    expect(benInitiates.size).toBe(1);
    expect([...adaInitiates][0]).not.toBe([...benInitiates][0]);
  });

  it("delivers chat across nodes, stored once", async () => {
    const clientId = randomUUID();
    const delivered = nextEvent(benSocket, "chat:message");
    const ack = await adaSocket.emitWithAck("chat:send", { clientId, body: "across nodes" });
    expect(await delivered).toEqual((ack as { data: unknown }).data);
    expect(await database.db.message.count({ where: { clientId } })).toBe(1);
  });

  it("tells a member on the other node when the peer hangs up", async () => {
    const benCall = newCallSessionId();
    await adaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    await benSocket.emitWithAck("call:join", { callSessionId: benCall, media: MEDIA });
    const left = nextEvent(adaSocket, "call:peer-left");
    await benSocket.emitWithAck("call:leave");
    expect(await left).toEqual({ userId: ben.id, callSessionId: benCall, reason: "left" });
  });

  it("replaces a member's connection on the other node when they open the room again", async () => {
    const replaced = nextEvent(adaSocket, "session:replaced");
    const again = await connected(nodeB.client(room.id, { cookie: await sessionCookie(database.db, ada) }));
    await replaced;
    await waitFor(() => !adaSocket.connected, "Ada's older connection to close");
    again.disconnect();
  });

  it("closes a member's connection on the other node when their sign-in session ends on this one", async () => {
    const sessionId = (await database.db.authSession.findFirstOrThrow({ where: { userId: ben.id }, orderBy: { createdAt: "desc" } })).id;
    const ended = nextEvent(benSocket, "session:ended");
    // What a route handler on node A triggers (sign out, password change) for Ben, connected to node B.
    nodeA.endSessions([sessionId]);
    await ended;
    await waitFor(() => !benSocket.connected, "Ben's connection on node B to close");
  });

  it("removing the guest on one node closes their room on the other, and tells the owner wherever she is", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const theirs = await seedRoom(database.db, olga, gus);
    const olgaSocket = await connected(nodeB.client(theirs.id, { cookie: await sessionCookie(database.db, olga) }));
    const gusSocket = await connected(nodeB.client(theirs.id, { cookie: await sessionCookie(database.db, gus) }));
    const removed = nextEvent(gusSocket, "room:closed");
    const updated = nextEvent(olgaSocket, "room:updated");
    const withoutGus = { ...theirs, members: theirs.members.filter((member) => member.id !== gus.id) };
    // What the route handler on node A triggers after removing Gus, whose room is open on node B.
    nodeA.publishRoomEvent({
      roomId: theirs.id,
      closed: { userIds: [gus.id], reason: "removed" },
      updated: { change: "guest-removed", room: withoutGus },
    });
    expect(await removed).toEqual({ reason: "removed" });
    expect(await updated).toMatchObject({ change: "guest-removed" });
    await waitFor(() => !gusSocket.connected, "Gus's connection on node B to close");
    olgaSocket.disconnect();
  });
});
