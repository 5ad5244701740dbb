import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { newCallSessionId, nextEvent, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { roomSockets } from "../../helpers/room-sockets";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { waitFor } from "../../helpers/wait-for";
import type { TAck } from "@/lib/shared/ack";
import type { TCallJoined } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

const MEDIA = { audio: true, video: true };
const OFFER = { type: "offer" as const, sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n" };

/** Joins the call as a browser's call session; pass the same id again to resume it on a new connection. */
function join(socket: TestClient, media = MEDIA, callSessionId = newCallSessionId()): Promise<TAck<TCallJoined>> {
  return socket.emitWithAck("call:join", { callSessionId, media });
}

/** A round trip on the socket: anything the server sent it before has arrived. */
function flush(socket: TestClient): Promise<unknown> {
  return socket.emitWithAck("chat:send", { clientId: crypto.randomUUID(), body: "flush" });
}

/** Every event a client receives, in order. */
function recorder(socket: TestClient): Array<[string, unknown]> {
  const seen: Array<[string, unknown]> = [];
  socket.onAny((event: string, payload: unknown) => seen.push([event, payload]));
  return seen;
}

describe("call signaling", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let cy: TPublicUser;
  let room: TRoomSummary;
  let otherRoom: TRoomSummary;
  const sockets = roomSockets(() => database.db);
  const open = (user: TPublicUser, roomId = room.id) => sockets.open(server, user, roomId);
  /** Ada and Ben, each with their room open. */
  const bothOpen = () => sockets.bothOpen(server, { owner: ada, guest: ben, room });

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    [ada, ben, cy] = await seedUsers(database.db, ["Ada", "Ben", "Cy"]);
    room = await seedRoom(database.db, ada, ben);
    otherRoom = await seedRoom(database.db, cy, ada);
  });

  afterEach(async () => {
    sockets.disconnectAll();
    await waitFor(() => server.openRooms() === 0, "rooms to empty");
  });

  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it("pairs the two members when the second joins, and names exactly one of them to make the first offer", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    const [adaCall, benCall] = [newCallSessionId(), newCallSessionId()];
    expect(await join(adaSocket, MEDIA, adaCall)).toEqual({ ok: true, data: { pairing: null } });
    const paired = nextEvent(adaSocket, "call:peer-joined");
    const benJoined = await join(benSocket, { audio: false, video: true }, benCall);
    const adaFirst = ada.id < ben.id;
    expect(benJoined).toEqual({
      ok: true,
      data: { pairing: { peer: { user: { id: ada.id, name: ada.name }, media: MEDIA, callSessionId: adaCall }, initiator: !adaFirst } },
    });
    expect(await paired).toEqual({
      peer: { user: { id: ben.id, name: ben.name }, media: { audio: false, video: true }, callSessionId: benCall },
      initiator: adaFirst,
    });
  });

  it("relays a description and candidates to the other member only", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    const cySocket = await open(cy, otherRoom.id);
    const adaInOtherRoom = await open(ada, otherRoom.id);
    const seenByAda = recorder(adaSocket);
    const seenByCy = recorder(cySocket);
    const seenByAdaElsewhere = recorder(adaInOtherRoom);
    const adaCall = newCallSessionId();
    await join(adaSocket, MEDIA, adaCall);
    await join(benSocket);
    await join(cySocket);

    const description = nextEvent(benSocket, "signal:description");
    adaSocket.emit("signal:description", { description: OFFER });
    expect(await description).toEqual({ from: ada.id, callSessionId: adaCall, description: OFFER });

    const candidate = { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", sdpMid: "0", sdpMLineIndex: 0 };
    const relayed = nextEvent(benSocket, "signal:candidate");
    adaSocket.emit("signal:candidate", { candidate });
    expect(await relayed).toEqual({ from: ada.id, callSessionId: adaCall, candidate });

    // A round trip on each other socket proves nothing else was still on its way to them.
    await Promise.all([adaSocket, cySocket, adaInOtherRoom].map(flush));
    const signalEvents = (seen: Array<[string, unknown]>) => seen.filter(([event]) => event.startsWith("signal:"));
    expect(signalEvents(seenByAda)).toEqual([]);
    expect(signalEvents(seenByCy)).toEqual([]);
    expect(signalEvents(seenByAdaElsewhere)).toEqual([]);
  });

  it("refuses signaling from a member who has not joined the call", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    await join(benSocket);
    const seenByBen = recorder(benSocket);
    const error = nextEvent(adaSocket, "room:error");
    adaSocket.emit("signal:description", { description: OFFER });
    expect(await error).toMatchObject({ code: "FORBIDDEN", event: "signal:description" });
    await join(benSocket);
    expect(seenByBen.filter(([event]) => event === "signal:description")).toEqual([]);
  });

  it("refuses a malformed or oversized description without relaying it", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    await join(adaSocket);
    await join(benSocket);
    const seenByBen = recorder(benSocket);
    for (const description of [{ type: "pranswer", sdp: "x" }, { type: "offer", sdp: "x".repeat(40_000) }, { type: "offer" }, "offer"]) {
      const error = nextEvent(adaSocket, "room:error");
      adaSocket.emit("signal:description", { description } as never);
      expect(await error).toMatchObject({ code: "VALIDATION", event: "signal:description" });
    }
    await join(benSocket);
    expect(seenByBen.filter(([event]) => event === "signal:description")).toEqual([]);
  });

  it("tells the other member when someone hangs up or disconnects, and lets them join again", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    const firstCall = newCallSessionId();
    await join(adaSocket);
    await join(benSocket, MEDIA, firstCall);
    const left = nextEvent(adaSocket, "call:peer-left");
    expect(await benSocket.emitWithAck("call:leave")).toEqual({ ok: true, data: null });
    expect(await left).toEqual({ userId: ben.id, callSessionId: firstCall, reason: "left" });

    const secondCall = newCallSessionId();
    const rejoined = nextEvent(adaSocket, "call:peer-joined");
    await join(benSocket, MEDIA, secondCall);
    expect((await rejoined).peer).toMatchObject({ user: { id: ben.id }, callSessionId: secondCall });

    const gone = nextEvent(adaSocket, "call:peer-left");
    benSocket.disconnect();
    expect(await gone).toEqual({ userId: ben.id, callSessionId: secondCall, reason: "disconnected" });
  });

  it("lets a member's call session resume on a new connection, and tells the other member it is the same call", async () => {
    const adaSocket = await open(ada);
    const benCall = newCallSessionId();
    await join(adaSocket);
    await join(await open(ben), MEDIA, benCall);

    // Ben's network drops; his browser reconnects and resumes the same call session.
    const seenByAda = recorder(adaSocket);
    const resumed = nextEvent(adaSocket, "call:peer-joined");
    const benAgain = await open(ben);
    const benResumed = await join(benAgain, MEDIA, benCall);
    expect((await resumed).peer.callSessionId).toBe(benCall);
    expect(benResumed).toMatchObject({ ok: true, data: { pairing: { peer: { user: { id: ada.id } } } } });

    // Signaling flows on the new connection, under the same call session.
    const description = nextEvent(adaSocket, "signal:description");
    benAgain.emit("signal:description", { description: OFFER });
    expect(await description).toEqual({ from: ben.id, callSessionId: benCall, description: OFFER });
    await flush(benAgain);
    const departures = seenByAda.filter(([event]) => event === "call:peer-left").map(([, payload]) => payload);
    expect(departures).not.toContainEqual(expect.objectContaining({ reason: "left" }));
  });

  it("after a server restart, pairs the two call sessions again as they come back, one by one", async () => {
    const [adaCall, benCall] = [newCallSessionId(), newCallSessionId()];
    // The first to come back finds nobody in the call, and is told so.
    const adaSocket = await open(ada);
    expect(await join(adaSocket, MEDIA, adaCall)).toEqual({ ok: true, data: { pairing: null } });
    const resumed = nextEvent(adaSocket, "call:peer-joined");
    const benSocket = await open(ben);
    const benJoined = await join(benSocket, MEDIA, benCall);
    expect(benJoined).toMatchObject({ ok: true, data: { pairing: { peer: { callSessionId: adaCall } } } });
    expect((await resumed).peer.callSessionId).toBe(benCall);
  });

  it("joining again with the same call session is not a hang-up", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    const benCall = newCallSessionId();
    await join(adaSocket);
    await join(benSocket, MEDIA, benCall);
    const seenByAda = recorder(adaSocket);
    const again = nextEvent(adaSocket, "call:peer-joined");
    await join(benSocket, MEDIA, benCall);
    expect((await again).peer.callSessionId).toBe(benCall);
    expect(seenByAda.filter(([event]) => event === "call:peer-left")).toEqual([]);
  });

  it("refuses a join without a well-formed call session id", async () => {
    const adaSocket = await open(ada);
    for (const payload of [
      MEDIA,
      { callSessionId: "short", media: MEDIA },
      { callSessionId: "x".repeat(65), media: MEDIA },
      { callSessionId: "a/b/c/d/e/f/g/h/i", media: MEDIA },
    ]) {
      expect(await adaSocket.emitWithAck("call:join", payload as never)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
  });

  it("relays mute and camera-off to the other member", async () => {
    const [adaSocket, benSocket] = await bothOpen();
    await join(adaSocket);
    await join(benSocket);
    const state = nextEvent(adaSocket, "media:state");
    benSocket.emit("media:update", { audio: false, video: true });
    expect(await state).toEqual({ userId: ben.id, audio: false, video: true });
  });

  it("replaces a member's older connection when they open the room again", async () => {
    const first = await open(ada);
    const replaced = nextEvent(first, "session:replaced");
    const second = await open(ada);
    await replaced;
    await waitFor(() => !first.connected, "the older connection to close");
    expect(second.connected).toBe(true);
  });
});
