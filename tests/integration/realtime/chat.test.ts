import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connected, nextEvent, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { waitFor } from "../../helpers/wait-for";
import { listMessages } from "@/lib/server/messages/list-messages";
import { MESSAGE_MAX_LENGTH } from "@/lib/shared/input-limits";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

describe("chat over the room namespace", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let adaSocket: TestClient;
  let benSocket: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
    adaSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, ada) }));
    benSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, ben) }));
  });

  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  const storedCount = (clientId: string) => database.db.message.count({ where: { roomId: room.id, clientId } });

  it("stores a message before acknowledging it, then delivers it to the other member", async () => {
    const clientId = randomUUID();
    const delivered = nextEvent(benSocket, "chat:message");
    let storedWhenAcked: number | undefined;
    const ack = await new Promise<Awaited<ReturnType<TestClient["emitWithAck"]>>>((resolve) => {
      adaSocket.emit("chat:send", { clientId, body: "  Hello <b>Ben</b>  " }, async (reply) => {
        storedWhenAcked = await storedCount(clientId);
        resolve(reply);
      });
    });
    expect(storedWhenAcked).toBe(1);
    expect(ack).toMatchObject({ ok: true, data: { clientId, body: "Hello <b>Ben</b>", author: { id: ada.id, name: ada.name }, roomId: room.id } });
    expect(await delivered).toEqual((ack as { data: unknown }).data);
  });

  it("stores a retried message once and answers the retry with the first copy", async () => {
    const clientId = randomUUID();
    const first = await adaSocket.emitWithAck("chat:send", { clientId, body: "once" });
    const retry = await adaSocket.emitWithAck("chat:send", { clientId, body: "once" });
    expect(retry).toEqual(first);
    expect(await storedCount(clientId)).toBe(1);
  });

  it("stores a message sent twice at once (a retry racing the original) once, and delivers it once", async () => {
    const clientId = randomUUID();
    const delivered: string[] = [];
    const onMessage = (message: { clientId: string }) => delivered.push(message.clientId);
    benSocket.on("chat:message", onMessage);
    const [first, again] = await Promise.all([
      adaSocket.emitWithAck("chat:send", { clientId, body: "racing" }),
      adaSocket.emitWithAck("chat:send", { clientId, body: "racing" }),
    ]);
    // Delivered in order: once this one arrives, a second copy of the first would have.
    const marker = randomUUID();
    await adaSocket.emitWithAck("chat:send", { clientId: marker, body: "after" });
    await waitFor(() => delivered.includes(marker), "Ben to receive the marker");
    benSocket.off("chat:message", onMessage);
    expect(again).toEqual(first);
    expect(await storedCount(clientId)).toBe(1);
    expect(delivered.filter((id) => id === clientId)).toHaveLength(1);
  });

  it("stores each of four messages in flight before acknowledging it, in the order they were sent", async () => {
    const own = await seedRoom(database.db, ada, ben);
    const sender = await connected(server.client(own.id, { cookie: await sessionCookie(database.db, ada) }));
    const other = await connected(server.client(own.id, { cookie: await sessionCookie(database.db, ben) }));
    const sent: Array<{ by: TestClient; body: string }> = [];
    const storedWhenAcked: number[] = [];
    const sendFour = (by: TestClient, name: string, round: number) =>
      Array.from({ length: 4 }, (_, i) => {
        const clientId = randomUUID();
        const body = `${name} ${round}.${i}`;
        sent.push({ by, body });
        return new Promise<void>((resolve) =>
          by.emit("chat:send", { clientId, body }, async () => {
            storedWhenAcked.push(await database.db.message.count({ where: { clientId } }));
            resolve();
          }),
        );
      });
    for (let round = 0; round < 3; round++) await Promise.all([...sendFour(sender, "Ada", round), ...sendFour(other, "Ben", round)]);
    sender.disconnect();
    other.disconnect();
    expect(storedWhenAcked).toEqual(sent.map(() => 1));
    const history = (await listMessages(database.db, { roomId: own.id, limit: 50 })).messages;
    for (const [member, by] of [
      [ada, sender],
      [ben, other],
    ] as const) {
      const theirs = history.filter((message) => message.author.id === member.id).map((message) => message.body);
      expect(theirs).toEqual(sent.filter((entry) => entry.by === by).map((entry) => entry.body));
    }
  });

  it("refuses an empty, blank or too long message and stores nothing", async () => {
    for (const body of ["", "   \n ", "x".repeat(MESSAGE_MAX_LENGTH + 1)]) {
      const clientId = randomUUID();
      const ack = await adaSocket.emitWithAck("chat:send", { clientId, body });
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
      expect(await storedCount(clientId)).toBe(0);
    }
  });

  it("refuses control characters and invisible-only bodies as VALIDATION and stores nothing", async () => {
    const cases = [
      ["a NUL", "before\u0000after", "body: Messages cannot contain control characters"],
      ["an escape sequence", "\u001b[2Jcleared", "body: Messages cannot contain control characters"],
      ["zero-width characters only", "\u200b\u200c\u200d\ufeff", "body: Write a message"],
      ["bidi overrides and isolates only", "\u202e\u2066\u2069", "body: Write a message"],
    ] as const;
    for (const [, body, message] of cases) {
      const clientId = randomUUID();
      const ack = await adaSocket.emitWithAck("chat:send", { clientId, body });
      expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: "VALIDATION", message }) });
      expect(await storedCount(clientId)).toBe(0);
    }
    expect(adaSocket.connected).toBe(true);
  });

  it("refuses a payload that is not a message, without crashing", async () => {
    for (const payload of [null, 42, { body: "no client id" }, { clientId: "not-a-uuid", body: "x" }]) {
      const ack = await adaSocket.emitWithAck("chat:send", payload as never);
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    }
    expect(adaSocket.connected).toBe(true);
  });

  it("keeps a 4,000 character message whole", async () => {
    const body = "é".repeat(MESSAGE_MAX_LENGTH);
    const ack = await adaSocket.emitWithAck("chat:send", { clientId: randomUUID(), body });
    expect(ack).toMatchObject({ ok: true, data: { body } });
  });

  it("keeps the conversation in the order the server stored it, across pages", async () => {
    const bodies = Array.from({ length: 7 }, (_, i) => `ordered ${i}`);
    for (const [i, body] of bodies.entries()) {
      const sender = i % 2 === 0 ? adaSocket : benSocket;
      await sender.emitWithAck("chat:send", { clientId: randomUUID(), body });
    }
    const pages: string[][] = [];
    let before: string | undefined;
    do {
      const page = await listMessages(database.db, { roomId: room.id, before, limit: 3 });
      pages.unshift(page.messages.map((message) => message.body));
      before = page.nextCursor ?? undefined;
    } while (before);
    const all = pages.flat();
    expect(all.slice(-bodies.length)).toEqual(bodies);
    expect(pages.slice(1).every((page) => page.length === 3)).toBe(true);
  });
});
