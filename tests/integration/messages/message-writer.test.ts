import { randomUUID } from "node:crypto";
import { createDbClient } from "@/lib/server/db/create-db-client";
import { createMessageWriter, type TMessageWriter } from "@/lib/server/messages/message-writer";
import { insertMessages } from "@/lib/server/messages/insert-messages";
import { newMessageId, type MessageWrite } from "@/lib/server/messages/message-write";
import { listMessages } from "@/lib/server/messages/list-messages";
import { writeMessageBatch } from "@/lib/server/messages/write-message-batch";
import { writeOneMessage } from "@/lib/server/messages/write-one-message";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

describe("the message writer on the database", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let batches: string[][];
  let writer: TMessageWriter;

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
  });

  beforeEach(() => {
    batches = [];
    // The real batch writer, watched: each batch's bodies, in the order they were handed over.
    const writeBatch = (writes: MessageWrite[]) => (batches.push(writes.map((write) => write.body)), writeMessageBatch(database.db, writes));
    writer = createMessageWriter({ writeBatch, maxBatch: 3 });
  });

  afterAll(() => database.cleanup());

  const send = (body: string, { author = ada, roomId = room.id, clientId = randomUUID() } = {}) =>
    writer.write({ roomId, author: author, clientId, body });
  const stored = (where: { roomId?: string; clientId?: string }) => database.db.message.count({ where });

  it("stores each message of a batch before answering it", async () => {
    const clientIds = [randomUUID(), randomUUID(), randomUUID()];
    const storedWhenAnswered = await Promise.all(clientIds.map((clientId) => send("before", { clientId }).then(() => stored({ clientId }))));
    expect(batches).toEqual([["before", "before", "before"]]);
    expect(storedWhenAnswered).toEqual([1, 1, 1]);
  });

  it("stores a clientId sent twice in one batch once, and answers both with that copy", async () => {
    const clientId = randomUUID();
    const [first, again] = await Promise.all([send("twice", { clientId }), send("twice, retried", { clientId })]);
    expect(batches).toHaveLength(1);
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, message: first.message });
    expect(await stored({ clientId })).toBe(1);
  });

  it("answers a retry of a stored message with the first copy, and stores the rest of its batch", async () => {
    const clientId = randomUUID();
    const original = await send("original", { clientId });
    const [retry, next] = await Promise.all([send("original, retried", { clientId }), send("next")]);
    expect(batches.at(-1)).toEqual(["original, retried", "next"]);
    expect(retry).toEqual({ created: false, message: original.message });
    expect(next.created).toBe(true);
    expect(await stored({ clientId })).toBe(1);
    expect(await stored({ clientId: next.message.clientId })).toBe(1);
  });

  it("stores a message once when two nodes take it and its retry at the same moment", async () => {
    const otherNode = createDbClient(database.url);
    try {
      const otherWriter = createMessageWriter({ writeBatch: (writes) => writeMessageBatch(otherNode, writes) });
      const clientId = randomUUID();
      const answers = await Promise.all([
        send("on node A", { clientId }),
        otherWriter.write({ roomId: room.id, author: ada, clientId, body: "on node B" }),
      ]);
      expect(answers.map((answer) => answer.created).sort()).toEqual([false, true]);
      expect(answers[0].message).toEqual(answers[1].message);
      expect(await stored({ clientId })).toBe(1);
    } finally {
      await otherNode.$disconnect();
    }
  });

  it("answers a message its failed batch had stored as new, so that it is still relayed", async () => {
    const write = {
      id: newMessageId(new Date()),
      roomId: room.id,
      author: ada,
      clientId: randomUUID(),
      body: "stored, then the batch failed",
      createdAt: new Date(),
    };
    await insertMessages(database.db, [write]);
    const answer = await writeOneMessage(database.db, write);
    expect(answer).toMatchObject({ created: true, message: { id: write.id, body: write.body } });
    expect(await stored({ clientId: write.clientId })).toBe(1);
  });

  it("keeps a room's messages in the order they were sent, across batches, in the history too", async () => {
    const own = await seedRoom(database.db, ada, ben);
    const bodies = Array.from({ length: 10 }, (_, i) => `in order ${i}`);
    const answers = await Promise.all(bodies.map((body, i) => send(body, { roomId: own.id, author: i % 3 === 0 ? ben : ada })));
    expect(batches.length).toBeGreaterThan(1);
    const times = answers.map(({ message }) => Date.parse(message.createdAt));
    expect(times.every((time, i) => i === 0 || time > times[i - 1]!)).toBe(true);
    const history = await listMessages(database.db, { roomId: own.id, limit: 50 });
    expect(history.messages.map((message) => message.body)).toEqual(bodies);
    expect(history.messages).toEqual(answers.map(({ message }) => message));
  });

  it("fails only the message whose room was deleted meanwhile, and stores its batch's others", async () => {
    const [kept, doomed] = [await seedRoom(database.db, ada, ben), await seedRoom(database.db, ada, ben)];
    await database.db.room.delete({ where: { id: doomed.id } });
    const outcomes = await Promise.allSettled([
      send("kept 1", { roomId: kept.id }),
      send("lost", { roomId: doomed.id }),
      send("kept 2", { roomId: kept.id }),
    ]);
    expect(batches).toEqual([["kept 1", "lost", "kept 2"]]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]).toMatchObject({ reason: { code: "NOT_FOUND" } });
    expect((await listMessages(database.db, { roomId: kept.id, limit: 10 })).messages.map((message) => message.body)).toEqual(["kept 1", "kept 2"]);
    expect(await stored({ roomId: doomed.id })).toBe(0);
  });

  it("marks every room of a batch active, no earlier than its last message", async () => {
    const other = await seedRoom(database.db, ben, ada);
    const [inRoom, inOther] = await Promise.all([send("here"), send("there", { roomId: other.id, author: ben })]);
    const rooms = await database.db.room.findMany({ where: { id: { in: [room.id, other.id] } }, select: { id: true, lastActivityAt: true } });
    const lastMessage = { [room.id]: inRoom.message.createdAt, [other.id]: inOther.message.createdAt };
    for (const { id, lastActivityAt } of rooms) expect(lastActivityAt.getTime()).toBeGreaterThanOrEqual(Date.parse(lastMessage[id]!));
  });

  it("never moves a room's last activity back, as when another node stored a later message first", async () => {
    const own = await seedRoom(database.db, ada, ben);
    const later = new Date(Date.now() + 60_000);
    await database.db.room.update({ where: { id: own.id }, data: { lastActivityAt: later } });
    await send("older than the room's last activity", { roomId: own.id });
    const { lastActivityAt } = await database.db.room.findUniqueOrThrow({ where: { id: own.id }, select: { lastActivityAt: true } });
    expect(lastActivityAt).toEqual(later);
  });

  it("answers what it accepted before closing, and refuses what comes after", async () => {
    const accepted = send("just in time");
    await writer.close();
    expect(await stored({ clientId: (await accepted).message.clientId })).toBe(1);
    await expect(send("too late")).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
