import { randomUUID } from "node:crypto";
import { ChatOutbox } from "@/lib/client/chat/chat-outbox";
import type { TChatMessage } from "@/lib/shared/message";
import { SOCKET_MAX_PAYLOAD_BYTES } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { countRows } from "../../helpers/row-counts";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { waitFor } from "../../helpers/wait-for";

/** A chat body whose frame is just over the limit: what a client that skipped its own check would send. */
const OVERSIZE_BODY = "x".repeat(SOCKET_MAX_PAYLOAD_BYTES + 1_000);

describe("frames over Socket.IO's size limit", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let cookies: Map<string, string>;
  let sockets: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
    // Each person's browser signs in once: reconnecting reuses its cookie (and writes no session row).
    cookies = new Map([
      [ada.id, await sessionCookie(database.db, ada)],
      [ben.id, await sessionCookie(database.db, ben)],
    ]);
    // Creating and migrating a PostgreSQL database takes seconds on a busy machine.
  }, 30_000);

  afterEach(() => {
    sockets.forEach((socket) => socket.disconnect());
    sockets = [];
  });

  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  async function open(user: TPublicUser, transport: "websocket" | "polling" = "websocket"): Promise<TestClient> {
    const socket = await connected(server.client(room.id, { cookie: cookies.get(user.id), transport }));
    sockets.push(socket);
    return socket;
  }

  const send = (socket: TestClient, body: string) => socket.timeout(5_000).emitWithAck("chat:send", { clientId: randomUUID(), body });

  it.each(["websocket", "polling"] as const)(
    "over %s, close only the sender's connection: the other member and the server carry on",
    async (transport) => {
      const rowsBefore = await countRows(database.db);
      const adaSocket = await open(ada, transport);
      const benSocket = await open(ben);
      const closed = new Promise<string>((resolve) => adaSocket.once("disconnect", resolve));
      adaSocket.emit("chat:send", { clientId: randomUUID(), body: OVERSIZE_BODY }, () => {});
      expect(await closed).toMatch(/^transport (close|error)$/);

      expect(benSocket.connected).toBe(true);
      expect(await send(benSocket, "Ada dropped out?")).toMatchObject({ ok: true });
      const adaAgain = await open(ada, transport);
      expect(await send(adaAgain, "back")).toMatchObject({ ok: true });
      expect(await countRows(database.db)).toEqual({ ...rowsBefore, Message: rowsBefore.Message + 2 });
    },
  );

  it("are refused by the chat outbox before sending, in words, while the messages after it go on", async () => {
    const adaSocket = await open(ada);
    const outbox = new ChatOutbox({ socket: adaSocket, roomId: room.id, user: ada, storage: null });
    const stored: TChatMessage[] = [];
    outbox.onStored((message) => stored.push(message));
    try {
      outbox.send(OVERSIZE_BODY);
      outbox.send("the next one");
      await waitFor(() => stored.length === 1, "the message after the oversize one to be stored");
      const [refused] = outbox.getSnapshot().entries;
      expect(refused).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/^This message is too large to send \(\d+ kB; Duet carries at most 64 kB at once\)\.$/),
      });
      expect(stored[0]).toMatchObject({ body: "the next one" });
      expect(adaSocket.connected).toBe(true);
      expect(await database.db.message.count({ where: { roomId: room.id, body: OVERSIZE_BODY } })).toBe(0);
    } finally {
      outbox.dispose();
    }
  });
});
