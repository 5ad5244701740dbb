// Full-text search on the configured database (SQLite FTS5 or PostgreSQL tsvector + GIN),
// through the one data function both share.
import { createDbClient } from "@/lib/server/db/create-db-client";
import { searchMessages, type SearchMessagesOptions } from "@/lib/server/messages/search-messages";
import { estimateMatchShare } from "@/lib/server/messages/search-word-stats";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TSearchPage } from "@/lib/shared/search";
import type { TPublicUser } from "@/lib/shared/user";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, getTestDatabaseProvider, type TestDatabase } from "../../helpers/test-database";

const T0 = Date.parse("2026-05-01T12:00:00.000Z");
const bodies = (page: TSearchPage) => page.results.map((result) => result.message.body);

describe("message search", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let cy: TPublicUser;
  let adaAndBen: TRoomSummary;
  let adaAndCy: TRoomSummary;
  let benAndCy: TRoomSummary;
  let clock = 0;

  const say = async (room: TRoomSummary, author: TPublicUser, body: string) =>
    (
      await database.db.message.create({
        data: { roomId: room.id, authorId: author.id, clientId: crypto.randomUUID(), body, createdAt: new Date(T0 + ++clock * 1000) },
        select: { id: true },
      })
    ).id;
  const search = (user: TPublicUser, query: string, options: Partial<SearchMessagesOptions> = {}) =>
    searchMessages(database.db, { userId: user.id, query, limit: 20, ...options });

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada, ben, cy] = await seedUsers(database.db, ["Ada", "Ben", "Cy"]);
    adaAndBen = await seedRoom(database.db, ada, ben);
    adaAndCy = await seedRoom(database.db, ada, cy);
    benAndCy = await seedRoom(database.db, ben, cy);
    await say(adaAndBen, ada, "The budget review is on Friday");
    await say(adaAndBen, ben, "Friday works. Bring the BUDGET draft!");
    await say(adaAndBen, ada, "Budgetary matters can wait");
    await say(adaAndCy, cy, "Our budget for Friday lunch?");
    await say(benAndCy, cy, "Secret budget for Ada's Friday surprise");
  });

  afterAll(async () => {
    await database.cleanup();
  });

  it("finds messages with every word, whole words only, whatever the case and order, newest first, with where the words are", async () => {
    const page = await search(ada, "friday BUDGET", { roomId: adaAndBen.id });
    expect(bodies(page)).toEqual(["Friday works. Bring the BUDGET draft!", "The budget review is on Friday"]);
    expect(page.nextCursor).toBeNull();
    const [newest] = page.results;
    expect(newest!.highlights.map(([from, to]) => newest!.message.body.slice(from, to))).toEqual(["Friday", "BUDGET"]);
    expect(newest).toMatchObject({ room: { id: adaAndBen.id, name: adaAndBen.name }, message: { author: { id: ben.id, name: "Ben" } } });
  });

  it("searches one room, or every room of mine, and never a room I am not in", async () => {
    expect(bodies(await search(ada, "budget friday"))).toEqual([
      "Our budget for Friday lunch?",
      "Friday works. Bring the BUDGET draft!",
      "The budget review is on Friday",
    ]);
    expect(bodies(await search(ada, "surprise"))).toEqual([]);
    expect(bodies(await search(cy, "surprise"))).toEqual(["Secret budget for Ada's Friday surprise"]);
    // A room id that is not hers narrows to nothing rather than widening to it.
    expect(bodies(await search(ada, "surprise", { roomId: benAndCy.id }))).toEqual([]);
  });

  it("reads a query's punctuation and search syntax as plain words", async () => {
    await expect(search(ada, `"budget" OR NEAR(friday) * -review`)).resolves.toMatchObject({ results: [] });
    expect(bodies(await search(ada, "budget, (friday)!"))).toHaveLength(3);
    expect(bodies(await search(ada, "Ada's"))).toEqual([]);
  });

  it("finds the words inside links, addresses, file names, numbers, dates and markup, on either database", async () => {
    const room = await seedRoom(database.db, ada, cy);
    const body = "see https://github.com/foo/bar, mail ada@example.com, node.js, 3.14, v1.2.3, 2026-11-24, <Button variant=primary>";
    await say(room, cy, body);
    for (const query of ["github", "github.com", "foo bar", "example", "ada@example.com", "node", "14", "v1", "2026 11", "button", "primary"]) {
      expect({ query, found: bodies(await search(ada, query, { roomId: room.id })) }).toEqual({ query, found: [body] });
    }
  });

  it("refuses a made-up cursor as bad input, even one naming a time past the year 9999", async () => {
    for (const cursor of ["p999999999999999_abc", "s999999999999999x", "nonsense"]) {
      await expect(search(ada, "budget", { cursor })).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });

  it("pages through many matches by cursor, newest first, without repeats or gaps", async () => {
    const room = await seedRoom(database.db, ben, ada);
    const written: string[] = [];
    for (let i = 0; i < 25; i += 1) written.push(await say(room, i % 2 ? ada : ben, `standup note ${i}`));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(ben, "standup", { roomId: room.id, limit: 10, cursor });
      seen.push(...page.results.map((result) => result.message.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...written].reverse());
    await expect(search(ben, "standup", { cursor: "nonsense" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("keeps the index in step with the messages: a new one is found at once, a deleted one and a deleted room's are not", async () => {
    const room = await seedRoom(database.db, cy, ben);
    const doomed = await say(room, cy, "ephemeral walrus");
    await say(room, ben, "another walrus");
    expect(bodies(await search(cy, "walrus"))).toEqual(["another walrus", "ephemeral walrus"]);

    await database.db.message.delete({ where: { id: doomed } });
    expect(bodies(await search(cy, "walrus"))).toEqual(["another walrus"]);
    await database.db.room.delete({ where: { id: room.id } });
    expect(bodies(await search(cy, "walrus"))).toEqual([]);
    expect(bodies(await search(cy, "ephemeral"))).toEqual([]);
    if (getTestDatabaseProvider() === "sqlite") {
      // The triggers keep exactly one search document per message, nothing for deleted ones.
      const [counts] = await database.db.$queryRawUnsafe<Array<{ documents: number; messages: number }>>(
        `SELECT (SELECT count(*) FROM "MessageSearchDoc") AS documents, (SELECT count(*) FROM "Message") AS messages`,
      );
      expect(Number(counts?.documents)).toBe(Number(counts?.messages));
    }
  });

  // PostgreSQL chooses between two plans by the words' statistics; both must give the same answers.
  (getTestDatabaseProvider() === "postgresql" ? it : it.skip)(
    "on PostgreSQL, finds a word most messages hold by walking the room, and a rare one through the index, alike",
    async () => {
      const room = await seedRoom(database.db, ada, cy);
      const written: string[] = [];
      for (let i = 0; i < 300; i += 1) written.push(await say(room, ada, i % 3 ? `everyday chatter ${i}` : `everyday oddity ${i}`));
      await database.db.$executeRawUnsafe(`ANALYZE "Message"`);
      const analyzed = createDbClient(database.url);
      try {
        expect(await estimateMatchShare(analyzed, ["everyday"])).toBeGreaterThan(0.5);
        const common = await searchMessages(analyzed, { userId: ada.id, roomId: room.id, query: "everyday", limit: 20 });
        expect(common.results.map((result) => result.message.id)).toEqual(written.slice(-20).reverse());
        const next = await searchMessages(analyzed, { userId: ada.id, roomId: room.id, query: "everyday", limit: 20, cursor: common.nextCursor! });
        expect(next.results.map((result) => result.message.id)).toEqual(written.slice(-40, -20).reverse());
        const rarer = await searchMessages(analyzed, { userId: ada.id, query: "oddity", limit: 200 });
        expect(rarer.results.map((result) => result.message.id)).toEqual(written.filter((_, i) => i % 3 === 0).reverse());
      } finally {
        await analyzed.$disconnect();
      }
    },
  );
});
