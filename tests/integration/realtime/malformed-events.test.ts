import { randomUUID } from "node:crypto";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { CLIENT_EVENTS, socketFuzzCorpus, type TClientEvent, type TSocketFuzzCase } from "../../helpers/fuzz/socket-corpus";
import {
  connected,
  emitOutsideContract,
  emitWithAckOutsideContract,
  startRealtimeServer,
  testRateLimits,
  type TestClient,
  type TestRealtimeServer,
} from "../../helpers/realtime-server";
import { traitsOf } from "../../helpers/fuzz/traits";
import { countRows } from "../../helpers/row-counts";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { waitFor } from "../../helpers/wait-for";

const SEED = 20_261_104;
const PER_EVENT = 1_700;
const CORPUS = socketFuzzCorpus(SEED, PER_EVENT);
/** Events in flight at once: enough to keep the server busy, few enough to keep memory flat. */
const BATCH = 250;
const ACK_TIMEOUT_MS = 10_000;

type TRoomError = { code: string; message: string; event: string };

const tally = (cases: TSocketFuzzCase[], expected: TSocketFuzzCase["expected"]) =>
  Object.fromEntries(CLIENT_EVENTS.map((event) => [event, cases.filter((c) => c.event === event && c.expected === expected).length])) as Record<
    TClientEvent,
    number
  >;

describe(`malformed realtime events (${CORPUS.length.toLocaleString("en")} seeded payloads, ${PER_EVENT.toLocaleString("en")} per event)`, () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let adaSocket: TestClient;
  let benSocket: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Limits high enough that every refusal is about the payload, not the rate (counting is tested in rate-limits.test.ts).
    const rateLimits = testRateLimits({
      RATE_LIMIT_CHAT: "1000000/1m",
      RATE_LIMIT_CHAT_BURST: "off",
      RATE_LIMIT_SIGNALING: "1000000/1m",
      RATE_LIMIT_SIGNALING_BURST: "off",
    });
    server = await startRealtimeServer(database.db, {}, { rateLimits });
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
    adaSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, ada) }));
    benSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, ben) }));
    // Creating and migrating a PostgreSQL database takes seconds on a busy machine.
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  it("answers every one with a clean VALIDATION error, relays nothing, writes no row, and keeps serving", async () => {
    const rowsBefore = await countRows(database.db);
    const problems: string[] = [];
    const roomErrors = new Map<TClientEvent, TRoomError[]>(CLIENT_EVENTS.map((event) => [event, []]));
    adaSocket.on("room:error", (error: TRoomError) => {
      const list = roomErrors.get(error.event as TClientEvent);
      if (list) list.push(error);
      else problems.push(`room:error for an unknown event: ${JSON.stringify(error).slice(0, 200)}`);
    });
    const relayed: string[] = [];
    for (const event of ["chat:message", "signal:description", "signal:candidate", "media:state", "call:peer-joined", "call:peer-left"] as const) {
      benSocket.on(event, () => relayed.push(event));
    }

    const send = (fuzz: TSocketFuzzCase, index: number): Promise<void> => {
      const label = `#${index} ${fuzz.event} (${fuzz.what})`;
      const emit = emitOutsideContract(adaSocket);
      if (!fuzz.withCallback) return Promise.resolve(emit(fuzz.event, ...fuzz.args));
      if (fuzz.expected === "room:error") {
        // A fire-and-forget event sent with a callback: refused by room:error, the callback never called.
        emit(fuzz.event, ...fuzz.args, () => problems.push(`${label}: called a callback the event does not take`));
        return Promise.resolve();
      }
      const timed = emitOutsideContract(adaSocket, ACK_TIMEOUT_MS);
      return new Promise((resolve) => {
        timed(fuzz.event, ...fuzz.args, (error: Error | null, reply: unknown) => {
          if (error) problems.push(`${label}: no ack within ${ACK_TIMEOUT_MS} ms`);
          else if (!isCleanValidationAck(reply)) problems.push(`${label}: acked ${JSON.stringify(reply).slice(0, 300)}`);
          resolve();
        });
      });
    };

    const started = Date.now();
    for (let start = 0; start < CORPUS.length; start += BATCH) {
      await Promise.all(CORPUS.slice(start, start + BATCH).map((fuzz, offset) => send(fuzz, start + offset)));
    }
    const expectedRoomErrors = tally(CORPUS, "room:error");
    // On a timeout, the per-event counts below say which event fell short.
    await waitFor(
      () => CLIENT_EVENTS.every((event) => roomErrors.get(event)!.length >= expectedRoomErrors[event]),
      "a room:error for every refused event without an ack",
      10_000,
    ).catch(() => {});
    // A round trip after the storm: anything still on its way has arrived.
    await adaSocket.emitWithAck("call:leave");

    for (const [event, errors] of roomErrors) {
      expect({ event, count: errors.length }).toEqual({ event, count: expectedRoomErrors[event] });
      for (const error of errors) if (!isCleanRoomError(error, event)) problems.push(`room:error ${JSON.stringify(error).slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
    expect(relayed).toEqual([]);
    expect(adaSocket.connected && benSocket.connected).toBe(true);
    expect(await countRows(database.db)).toEqual(rowsBefore);

    console.log(summarise(CORPUS, Date.now() - started));

    // Still serving: a valid message after the storm is stored, acknowledged and delivered.
    const delivered = new Promise((resolve) => benSocket.once("chat:message", resolve));
    const ack = await adaSocket.emitWithAck("chat:send", { clientId: randomUUID(), body: "still here" });
    expect(ack).toMatchObject({ ok: true, data: { body: "still here" } });
    expect(await delivered).toMatchObject({ body: "still here" });
    expect(await countRows(database.db)).toEqual({ ...rowsBefore, Message: rowsBefore.Message + 1 });
  }, 90_000);

  it("refuses an event it does not know by its name, through the ack when it has one, relays nothing, and keeps serving", async () => {
    const relayed: string[] = [];
    // Presence is not relayed from Ada; anything else reaching Ben would be.
    benSocket.onAny((event: string) => void (event === "presence:update" || relayed.push(event)));
    const refusals: TRoomError[] = [];
    const onRefusal = (error: TRoomError) => refusals.push(error);
    adaSocket.on("room:error", onRefusal);
    const emit = emitOutsideContract(adaSocket);
    const emitWithAck = emitWithAckOutsideContract(adaSocket, ACK_TIMEOUT_MS);
    try {
      // A misspelling, names every object has, a number (Socket.IO admits those), and one as long as a frame allows.
      const names = ["chat:sned", "constructor", "__proto__", "hasOwnProperty", 42, `x${"y".repeat(5_000)}`];
      for (const name of names) emit(name, { body: "hello" });
      await waitFor(() => refusals.length === names.length, "a room:error for each unknown event", 10_000);
      expect(refusals).toEqual(
        names.map((name) => {
          const echoed = String(name).slice(0, 100);
          return { code: "VALIDATION", message: `Unknown event: ${echoed}`, event: echoed };
        }),
      );

      expect(await emitWithAck("chat:delete", { messageId: "m1" })).toEqual({
        ok: false,
        error: { code: "VALIDATION", message: "Unknown event: chat:delete" },
      });
      expect(refusals).toHaveLength(names.length);

      const ack = await adaSocket.emitWithAck("chat:send", { clientId: randomUUID(), body: "after the unknown ones" });
      expect(ack).toMatchObject({ ok: true, data: { body: "after the unknown ones" } });
      await waitFor(() => relayed.length > 0, "the valid message to reach Ben");
      expect(relayed).toEqual(["chat:message"]);
    } finally {
      adaSocket.off("room:error", onRefusal);
      benSocket.offAny();
    }
  });
});

/** How many events of each name, shape and content were sent: the evidence that the corpus covers what it claims. */
function summarise(corpus: TSocketFuzzCase[], ms: number): string {
  const acked = tally(corpus, "ack");
  const roomErrors = tally(corpus, "room:error");
  const count = (keys: string[]) => [...new Set(keys)].map((key) => `${key} ${keys.filter((k) => k === key).length}`).join(", ");
  return [
    `Socket fuzz, seed ${SEED}: ${corpus.length} malformed events in ${ms} ms`,
    ...CLIENT_EVENTS.map(
      (event) => `  ${event}: ${acked[event] + roomErrors[event]} (refused by ack ${acked[event]}, by room:error ${roomErrors[event]})`,
    ),
    `  shapes: ${count(corpus.map((c) => c.shape))}`,
    `  payload mutations: ${count(corpus.flatMap((c) => c.mutations))}`,
    `  payloads with: ${count(corpus.flatMap((c) => (c.args.length > 0 ? [...traitsOf(c.args[0])] : [])))}`,
  ].join("\n");
}

function isCleanValidationAck(reply: unknown): boolean {
  if (typeof reply !== "object" || reply === null) return false;
  const { ok, error, ...rest } = reply as { ok?: unknown; error?: Record<string, unknown> };
  return ok === false && Object.keys(rest).length === 0 && isCleanError(error);
}

function isCleanRoomError(error: TRoomError, event: string): boolean {
  const { event: named, ...body } = error;
  return named === event && isCleanError(body);
}

/** `{ code: "VALIDATION", message, fields? }`: a short message for a person, nothing of the server's insides. */
function isCleanError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, fields, ...rest } = error as Record<string, unknown>;
  return (
    code === "VALIDATION" &&
    typeof message === "string" &&
    message.length > 0 &&
    message.length <= 300 &&
    !/at .*\.(ts|js):\d+|prisma|TypeError|ReferenceError/i.test(message) &&
    (fields === undefined || (typeof fields === "object" && fields !== null)) &&
    Object.keys(rest).length === 0
  );
}
