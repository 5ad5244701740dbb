// Call records through the real realtime server: started when a browser reports the
// connection up, ended by a hang-up or a lost connection, resumed by the same two call
// sessions, and closed as "unexpected" when a node that died left them open.
import { drainInFlight } from "@/lib/server/realtime/in-flight";
import { CallKeeper } from "@/lib/server/calls/call-keeper";
import { callSessionKey } from "@/lib/server/calls/call-session-key";
import { endCall } from "@/lib/server/calls/end-call";
import { resumeCall } from "@/lib/server/calls/resume-call";
import { startCall, type TCallSide } from "@/lib/server/calls/start-call";
import { createLogger } from "@/lib/server/logger";
import type { TCallQuality } from "@/lib/shared/call";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { newCallSessionId, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { roomSockets } from "../../helpers/room-sockets";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { waitFor } from "../../helpers/wait-for";

const MEDIA = { audio: true, video: true };
const QUALITY: TCallQuality = { path: "relay", protocol: "tcp", rttMs: 42, packetLossPct: 0.5, frameWidth: 1280, frameHeight: 720 };

describe("call records", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let cy: TPublicUser;
  let room: TRoomSummary;
  const sockets = roomSockets(() => database.db);
  const open = (user: TPublicUser, roomId = room.id) => sockets.open(server, user, roomId);
  /** Ada and Ben, each with their room open on `node`. */
  const bothOpen = (node = server) => sockets.bothOpen(node, { owner: ada, guest: ben, room });
  const join = async (socket: TestClient, callSessionId = newCallSessionId()) => {
    expect(await socket.emitWithAck("call:join", { callSessionId, media: MEDIA })).toMatchObject({ ok: true });
    return callSessionId;
  };
  /** Both members in the call, and one browser reporting the connection up. */
  const startedCall = async () => {
    const [adaSocket, benSocket] = await bothOpen();
    const [adaSession, benSession] = [await join(adaSocket), await join(benSocket)];
    adaSocket.emit("call:connected", { peerCallSessionId: benSession });
    const call = await waitFor(() => findCall(adaSession), "the call to be recorded");
    return { adaSocket, benSocket, adaSession, benSession, call };
  };
  const findCall = (callSessionId: string) =>
    database.db.call.findFirst({
      where: { participants: { some: { callSessionId } } },
      include: { participants: { orderBy: { userId: "asc" } } },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    [ada, ben, cy] = await seedUsers(database.db, ["Ada", "Ben", "Cy"]);
  });

  beforeEach(async () => {
    room = await seedRoom(database.db, ada, ben);
  });

  afterEach(async () => {
    sockets.disconnectAll();
    await waitFor(() => server.openRooms() === 0, "rooms to empty");
    await drainInFlight();
  });

  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it("records a call when a browser reports it connected, with both members, and ends it when one hangs up", async () => {
    const { benSocket, adaSession, benSession, call } = await startedCall();
    expect(call).toMatchObject({ roomId: room.id, endedAt: null, endReason: null });
    expect(
      call.participants.map(({ userId, callSessionId }) => ({ userId, callSessionId })).sort((a, b) => a.userId.localeCompare(b.userId)),
    ).toEqual(
      [
        { userId: ada.id, callSessionId: adaSession },
        { userId: ben.id, callSessionId: benSession },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );

    expect(await benSocket.emitWithAck("call:leave")).toEqual({ ok: true, data: null });
    const ended = await waitFor(async () => (await findCall(adaSession))?.endedAt && findCall(adaSession), "the call to end");
    expect(ended.endReason).toBe("hung-up");
    expect(ended.endedAt!.getTime()).toBeGreaterThanOrEqual(ended.startedAt.getTime());
  });

  it("keeps one record when both browsers report, and reopens it when a lost connection comes back with the same call session", async () => {
    const { benSocket, adaSession, benSession, call } = await startedCall();
    benSocket.emit("call:connected", { peerCallSessionId: adaSession });
    await flush(benSocket);
    await drainInFlight();
    expect(await database.db.call.count({ where: { roomId: room.id } })).toBe(1);

    benSocket.disconnect();
    const dropped = await waitFor(async () => (await findCall(adaSession))?.endedAt && findCall(adaSession), "the call to end");
    expect(dropped.endReason).toBe("disconnected");

    await join(await open(ben), benSession);
    const resumed = await waitFor(async () => {
      const row = await findCall(adaSession);
      return row?.endedAt === null ? row : null;
    }, "the call to reopen");
    expect(resumed.id).toBe(call.id);
    expect(resumed.endReason).toBeNull();
  });

  it("a hang-up that lands while the other side's call is resuming stays a hang-up", async () => {
    const sides = [
      { userId: ada.id, callSessionId: newCallSessionId() },
      { userId: ben.id, callSessionId: newCallSessionId() },
    ] as [TCallSide, TCallSide];
    const { callId } = await startCall(database.db, { roomId: room.id, sides });
    // Ada's browser resumes the call; Ben hangs up after the resume found it, before it writes.
    const hungUpMeanwhile = database.db.$extends({
      query: {
        call: {
          async findUnique({ args, query }) {
            const found = await query(args);
            await endCall(database.db, { roomId: room.id, callSessionId: sides[1].callSessionId, reason: "hung-up" });
            return found;
          },
        },
      },
    }) as unknown as typeof database.db;

    await resumeCall(hungUpMeanwhile, { roomId: room.id, sessionKey: callSessionKey(sides[0].callSessionId, sides[1].callSessionId) });

    await expect(database.db.call.findUniqueOrThrow({ where: { id: callId } })).resolves.toMatchObject({
      endReason: "hung-up",
      endedAt: expect.any(Date),
    });
  });

  it("stores each member's quality summary, also after they left, and only for their own part of a call in their room", async () => {
    const { adaSocket, benSocket, adaSession, benSession } = await startedCall();
    await adaSocket.emitWithAck("call:leave");
    adaSocket.emit("call:quality", { callSessionId: adaSession, quality: QUALITY });
    // Ben naming Ada's session writes nothing: it is not his part.
    benSocket.emit("call:quality", { callSessionId: adaSession, quality: { ...QUALITY, rttMs: 999 } });
    await Promise.all([flush(adaSocket), flush(benSocket)]);
    await drainInFlight();
    const call = await findCall(adaSession);
    const byUser = new Map(call!.participants.map((participant) => [participant.userId, participant]));
    expect(byUser.get(ada.id)).toMatchObject({ ...QUALITY, callSessionId: adaSession });
    expect(byUser.get(ben.id)).toMatchObject({ callSessionId: benSession, path: null, rttMs: null });
  });

  it("refuses a quality summary that breaks the schema", async () => {
    const { adaSocket, adaSession } = await startedCall();
    const refused = new Promise((resolve) => adaSocket.once("room:error", resolve));
    adaSocket.emit("call:quality", { callSessionId: adaSession, quality: { ...QUALITY, packetLossPct: 140 } });
    expect(await refused).toMatchObject({ code: "VALIDATION", event: "call:quality" });
  });

  it("ignores a connected report that names someone who is not the other member in the call", async () => {
    const adaSocket = await open(ada);
    const adaSession = await join(adaSocket);
    adaSocket.emit("call:connected", { peerCallSessionId: newCallSessionId() });
    await flush(adaSocket);
    await drainInFlight();
    expect(await findCall(adaSession)).toBeNull();
  });

  it("closes a call a dead node left open as ended unexpectedly, at its last heartbeat, when the next call in the room starts", async () => {
    const lastSeen = new Date(Date.now() - 10_000);
    const orphan = await startCall(database.db, {
      roomId: room.id,
      sides: [
        { userId: ada.id, callSessionId: newCallSessionId() },
        { userId: ben.id, callSessionId: newCallSessionId() },
      ],
      now: lastSeen,
    });
    await startedCall();
    const closed = await waitFor(async () => {
      const row = await database.db.call.findUnique({ where: { id: orphan.callId } });
      return row?.endedAt && row;
    }, "the orphaned call to close");
    expect(closed).toMatchObject({ endReason: "unexpected", endedAt: lastSeen });
  });

  it("a node starting up closes the stale calls of a node that died, and leaves fresh ones open", async () => {
    const sides = () =>
      [
        { userId: ada.id, callSessionId: newCallSessionId() },
        { userId: ben.id, callSessionId: newCallSessionId() },
      ] as [{ userId: string; callSessionId: string }, { userId: string; callSessionId: string }];
    const lastSeen = new Date(Date.now() - 10 * 60_000);
    const stale = await startCall(database.db, { roomId: room.id, sides: sides(), now: lastSeen });
    const otherRoom = await seedRoom(database.db, cy, ada);
    const fresh = await startCall(database.db, { roomId: otherRoom.id, sides: sides() });

    const restarted = await startRealtimeServer(database.db);
    try {
      const closed = await waitFor(async () => {
        const row = await database.db.call.findUnique({ where: { id: stale.callId } });
        return row?.endedAt && row;
      }, "the startup sweep");
      expect(closed).toMatchObject({ endReason: "unexpected", endedAt: lastSeen });
      expect(await database.db.call.findUnique({ where: { id: fresh.callId } })).toMatchObject({ endedAt: null });
    } finally {
      await restarted.close();
    }
  });

  it("a node's heartbeat keeps the calls it holds open while the sweep closes one nobody holds", async () => {
    const node = await startRealtimeServer(database.db, { calls: { heartbeatMs: 50, staleAfterMs: 300 } });
    try {
      const [adaSocket, benSocket] = await bothOpen(node);
      const [adaSession, benSession] = [await join(adaSocket), await join(benSocket)];
      adaSocket.emit("call:connected", { peerCallSessionId: benSession });
      const held = await waitFor(() => findCall(adaSession), "the call to be recorded");
      const otherRoom = await seedRoom(database.db, cy, ada);
      const unheld = await startCall(database.db, {
        roomId: otherRoom.id,
        sides: [
          { userId: cy.id, callSessionId: newCallSessionId() },
          { userId: ada.id, callSessionId: newCallSessionId() },
        ],
      });

      const swept = await waitFor(
        async () => {
          const row = await database.db.call.findUnique({ where: { id: unheld.callId } });
          return row?.endedAt && row;
        },
        "the unheld call to be swept",
        5000,
      );
      expect(swept.endReason).toBe("unexpected");
      const stillHeld = await findCall(adaSession);
      expect(stillHeld).toMatchObject({ id: held.id, endedAt: null });
      expect(stillHeld!.lastSeenAt.getTime()).toBeGreaterThan(held.lastSeenAt.getTime());
    } finally {
      sockets.disconnectAll();
      await node.close();
    }
  });

  it("a stopping node ends the calls it holds as server-shutdown, and they reopen when the browsers resume them", async () => {
    const keeper = new CallKeeper({ db: database.db, logger: createLogger("silent") });
    const [adaSession, benSession] = [newCallSessionId(), newCallSessionId()];
    keeper.joined(room.id, "socket-a", adaSession, null);
    keeper.connected(room.id, [
      { userId: ada.id, callSessionId: adaSession },
      { userId: ben.id, callSessionId: benSession },
    ]);
    await drainInFlight();
    keeper.shutDown();
    await drainInFlight();
    expect(await findCall(adaSession)).toMatchObject({ endReason: "server-shutdown" });

    const elsewhere = new CallKeeper({ db: database.db, logger: createLogger("silent") });
    elsewhere.joined(room.id, "socket-b", benSession, adaSession);
    await drainInFlight();
    expect(await findCall(adaSession)).toMatchObject({ endedAt: null, endReason: null });
  });
});

/** A round trip on the socket: every event it sent before has been handled. */
function flush(socket: TestClient): Promise<unknown> {
  return socket.emitWithAck("chat:send", { clientId: crypto.randomUUID(), body: "flush" });
}
