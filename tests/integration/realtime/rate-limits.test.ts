import { randomUUID } from "node:crypto";
import { readConnectRefusal, type TConnectError, type TConnectRefusal } from "@/lib/client/describe-connect-error";
import { REALTIME_PATH } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import {
  emitOutsideContract,
  newCallSessionId,
  nextEvent,
  refusal,
  startRealtimeServer,
  TEST_SITE_URL,
  testRateLimits,
  type TestClient,
  type TestRealtimeServer,
} from "../../helpers/realtime-server";
import { roomSockets } from "../../helpers/room-sockets";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { waitFor } from "../../helpers/wait-for";

const MEDIA = { audio: true, video: true };
const candidate = (i: number) => ({ candidate: `candidate:${i} 1 udp 2122260223 127.0.0.1 ${50_000 + i} typ host`, sdpMid: "0", sdpMLineIndex: 0 });

describe("abuse limits on the realtime server", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  const servers: TestRealtimeServer[] = [];
  const sockets = roomSockets(() => database.db);

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
    // Creating and migrating a PostgreSQL database takes seconds on a busy machine.
  }, 30_000);

  afterEach(async () => {
    sockets.disconnectAll();
    await waitFor(() => servers.every((server) => server.openRooms() === 0), "rooms to empty");
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  afterAll(() => database.cleanup());

  async function start(env: Record<string, string> = {}): Promise<TestRealtimeServer> {
    const server = await startRealtimeServer(database.db, {}, { rateLimits: testRateLimits(env) });
    servers.push(server);
    return server;
  }

  const open = (server: TestRealtimeServer, user: TPublicUser): Promise<TestClient> => sockets.open(server, user, room.id);

  const send = (socket: TestClient, body: string) => socket.emitWithAck("chat:send", { clientId: randomUUID(), body });

  it("stores a pasted three-line message at once under the default limits", async () => {
    const adaSocket = await open(await start(), ada);
    const acks = await Promise.all(["first line", "second line", "third line"].map((line) => send(adaSocket, line)));
    expect(acks.every((ack) => ack.ok)).toBe(true);
  });

  it("refuses chat beyond the steady rate and the burst with RATE_LIMITED, saying when to retry", async () => {
    const adaSocket = await open(await start({ RATE_LIMIT_CHAT: "3/10s", RATE_LIMIT_CHAT_BURST: "2/1m" }), ada);
    const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => send(adaSocket, `message ${i}`)));
    expect(acks.slice(0, 5).every((ack) => ack.ok)).toBe(true);
    for (const ack of acks.slice(5)) {
      expect(ack).toEqual({
        ok: false,
        error: {
          code: "RATE_LIMITED",
          message: expect.stringMatching(/^You are sending messages too fast\. Try again in \d+ seconds?\.$/),
          retryAfterMs: expect.any(Number),
        },
      });
      if (!ack.ok) expect(ack.error.retryAfterMs).toBeLessThanOrEqual(10_000);
    }
    expect(await database.db.message.count({ where: { body: { startsWith: "message " } } })).toBe(5);
  });

  it("relays all 30 candidates of an ICE gathering under the default limits", async () => {
    const server = await start();
    const [adaSocket, benSocket] = [await open(server, ada), await open(server, ben)];
    await adaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    await benSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    const relayed: unknown[] = [];
    const errors: unknown[] = [];
    benSocket.on("signal:candidate", (payload) => relayed.push(payload));
    adaSocket.on("room:error", (error) => errors.push(error));
    adaSocket.emit("signal:description", { description: { type: "offer", sdp: "v=0\r\n" } });
    for (let i = 0; i < 30; i++) adaSocket.emit("signal:candidate", { candidate: candidate(i) });
    await waitFor(() => relayed.length === 30, "all 30 candidates to arrive");
    expect(errors).toEqual([]);
  });

  it("answers a signaling flood on one connection with room:error RATE_LIMITED and drops the excess", async () => {
    const server = await start({ RATE_LIMIT_SIGNALING: "10/10s", RATE_LIMIT_SIGNALING_BURST: "off" });
    const [adaSocket, benSocket] = [await open(server, ada), await open(server, ben)];
    await adaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    await benSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    const relayed: unknown[] = [];
    benSocket.on("signal:candidate", (payload) => relayed.push(payload));
    const refused = nextEvent(adaSocket, "room:error");
    for (let i = 0; i < 15; i++) adaSocket.emit("signal:candidate", { candidate: candidate(i) });
    expect(await refused).toEqual({
      code: "RATE_LIMITED",
      event: "signal:candidate",
      message: expect.stringMatching(/^Too many call signals\. Try again in \d+ seconds?\.$/),
      retryAfterMs: expect.any(Number),
    });
    // A round trip on the same connection: everything emitted before it has been handled.
    await adaSocket.emitWithAck("chat:send", { clientId: randomUUID(), body: "flush" });
    await waitFor(() => relayed.length === 9, "the 9 candidates within the allowance (after call:join) to arrive");
  });

  it("counts a malformed signal against the connection's allowance, so a flood of garbage is refused unread", async () => {
    const server = await start({ RATE_LIMIT_SIGNALING: "5/10s", RATE_LIMIT_SIGNALING_BURST: "off" });
    const adaSocket = await open(server, ada);
    const errors: Array<{ code: string }> = [];
    adaSocket.on("room:error", (error) => errors.push(error));
    for (let i = 0; i < 8; i++) adaSocket.emit("media:update", { audio: "loud" } as never);
    await waitFor(() => errors.length === 8, "a room:error for each of the 8 malformed updates");
    expect(errors.map((error) => error.code)).toEqual([...Array(5).fill("VALIDATION"), ...Array(3).fill("RATE_LIMITED")]);
    const ack = await adaSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    expect(ack).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });

  it("counts events the server does not know against the same allowance, so a flood of them is refused as well", async () => {
    const server = await start({ RATE_LIMIT_SIGNALING: "5/10s", RATE_LIMIT_SIGNALING_BURST: "off" });
    const adaSocket = await open(server, ada);
    const errors: Array<{ code: string; event: string }> = [];
    adaSocket.on("room:error", (error) => errors.push(error));
    const emit = emitOutsideContract(adaSocket);
    for (let i = 0; i < 8; i++) emit("chat:typing", { at: i });
    await waitFor(() => errors.length === 8, "a room:error for each of the 8 unknown events");
    expect(errors.map(({ code, event }) => `${event} ${code}`)).toEqual([
      ...Array(5).fill("chat:typing VALIDATION"),
      ...Array(3).fill("chat:typing RATE_LIMITED"),
    ]);
  });

  it("refuses a flood of handshakes from one address with 429, and the room page says when to try again", async () => {
    const server = await start({ RATE_LIMIT_HANDSHAKE_IP: "5/1m" });
    const cookie = await sessionCookie(database.db, ada);
    const handshake = () => fetch(`${server.url}${REALTIME_PATH}/?EIO=4&transport=polling`, { headers: { origin: TEST_SITE_URL, cookie } });
    const responses = await Promise.all(Array.from({ length: 8 }, handshake));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refusedResponse = responses.find((response) => response.status === 429)!;
    expect(Number(refusedResponse.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refusedResponse.json()).toEqual({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many connections from your network\. Try again in \d+ (seconds?|minutes?)\.$/),
      retryAfterMs: expect.any(Number),
    });
    // What the room page reads from such a refusal (inside connect_error, while the body is there).
    const refused = server.client(room.id, { cookie, transport: "polling" });
    let read: TConnectRefusal | null = null;
    refused.once("connect_error", (error) => (read = readConnectRefusal(error as TConnectError)));
    await refusal(refused);
    expect(read).toEqual({
      message: expect.stringMatching(/^Too many connections from your network\. Try again in \d+ (seconds?|minute)\.$/),
      retryAfterMs: expect.any(Number),
    });
    await Promise.all(responses.filter((response) => !response.bodyUsed).map((response) => response.text()));
  });
});
