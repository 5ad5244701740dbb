// A room's timeline on the configured database: messages and call events merged by time,
// read by cursor in both directions, around a permalinked message, and around a date.
import { endCall } from "@/lib/server/calls/end-call";
import { startCall } from "@/lib/server/calls/start-call";
import { listTimeline, type ListTimelineOptions } from "@/lib/server/history/list-timeline";
import type { TRoomSummary } from "@/lib/shared/room";
import { TIMELINE_PAGE_DEFAULT, type TTimelineEntry } from "@/lib/shared/timeline";
import type { TPublicUser } from "@/lib/shared/user";
import { newCallSessionId } from "../../helpers/realtime-server";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const T0 = Date.parse("2026-03-01T09:00:00.000Z");
const minute = (n: number) => new Date(T0 + n * 60_000);

/** What a test compares: each entry by kind and what it says. */
const describeEntry = (entry: TTimelineEntry) => (entry.kind === "message" ? entry.message.body : `${entry.kind}`);

describe("room timeline", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  let messageIds: string[];

  const read = (options: Omit<ListTimelineOptions, "roomId" | "limit"> & { limit?: number }) =>
    listTimeline(database.db, { roomId: room.id, limit: TIMELINE_PAGE_DEFAULT, ...options });

  const say = async (author: TPublicUser, body: string, at: Date, roomId = room.id) =>
    (
      await database.db.message.create({
        data: { roomId, authorId: author.id, clientId: crypto.randomUUID(), body, createdAt: at },
        select: { id: true },
      })
    ).id;

  const call = async (from: Date, to: Date | null) => {
    const sides = [
      { userId: ada.id, callSessionId: newCallSessionId() },
      { userId: ben.id, callSessionId: newCallSessionId() },
    ] as const;
    const { callId } = await startCall(database.db, { roomId: room.id, sides: [sides[0], sides[1]], now: from });
    if (to) await endCall(database.db, { roomId: room.id, callSessionId: sides[0].callSessionId, reason: "hung-up", now: to });
    return callId;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
  });

  beforeEach(async () => {
    room = await seedRoom(database.db, ada, ben);
    // 30 messages a minute apart, and a call from 10.5 to 20.5 minutes in.
    messageIds = [];
    for (let i = 0; i < 30; i += 1) messageIds.push(await say(i % 2 ? ben : ada, `m${i}`, minute(i)));
    await call(new Date(T0 + 10.5 * 60_000), new Date(T0 + 20.5 * 60_000));
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const EXPECTED = [
    ...Array.from({ length: 11 }, (_, i) => `m${i}`),
    "call-started",
    ...Array.from({ length: 10 }, (_, i) => `m${i + 11}`),
    "call-ended",
    ...Array.from({ length: 9 }, (_, i) => `m${i + 21}`),
  ];

  it("merges messages and call events by time; the newest page comes first, and cursors page back without gaps or repeats", async () => {
    const newest = await read({ limit: 10 });
    expect(newest.entries.map(describeEntry)).toEqual(EXPECTED.slice(-10));
    expect(newest.later).toBeNull();

    const pages = [newest.entries];
    let earlier = newest.earlier;
    while (earlier) {
      const page = await read({ before: earlier, limit: 10 });
      pages.unshift(page.entries);
      earlier = page.earlier;
    }
    expect(pages.flat().map(describeEntry)).toEqual(EXPECTED);
    expect(pages.length).toBe(4);
  });

  it("describes a call event with who took part, when, for how long and how it ended", async () => {
    const { entries } = await read({});
    const ended = entries.find((entry) => entry.kind === "call-ended");
    expect(ended).toMatchObject({
      at: new Date(T0 + 20.5 * 60_000).toISOString(),
      call: { roomId: room.id, durationMs: 10 * 60_000, endReason: "hung-up", startedAt: new Date(T0 + 10.5 * 60_000).toISOString() },
    });
    expect(ended?.kind === "call-ended" && ended.call.participants.map(({ user }) => user.name).sort()).toEqual(["Ada", "Ben"]);
  });

  it("a permalink page holds the message with entries on both sides, and its cursors read on to either end", async () => {
    const page = await read({ around: messageIds[15], limit: 9 });
    expect(page.anchor).toBe(messageIds[15]);
    expect(page.entries.map(describeEntry)).toEqual(["m11", "m12", "m13", "m14", "m15", "m16", "m17", "m18", "m19"]);

    const forward = [...page.entries];
    let later = page.later;
    while (later) {
      const next = await read({ after: later, limit: 9 });
      forward.push(...next.entries);
      later = next.later;
    }
    expect(forward.map(describeEntry)).toEqual(EXPECTED.slice(EXPECTED.indexOf("m11")));
    const back = await read({ before: page.earlier!, limit: 50 });
    expect(back.entries.map(describeEntry)).toEqual(EXPECTED.slice(0, EXPECTED.indexOf("m11")));
    expect(back.earlier).toBeNull();
  });

  it("a permalink to a message of another room is not found", async () => {
    const otherRoom = await seedRoom(database.db, ben, ada);
    const elsewhere = await say(ben, "elsewhere", minute(3), otherRoom.id);
    await expect(read({ around: elsewhere })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("jumping to a date reads the page around the first entry at or after it", async () => {
    const page = await read({ at: new Date(T0 + 4.5 * 60_000).toISOString(), limit: 6 });
    expect(page.anchor).toBe(messageIds[5]);
    expect(page.entries.map(describeEntry)).toEqual(["m2", "m3", "m4", "m5", "m6", "m7"]);
    const beforeEverything = await read({ at: new Date(T0 - 86_400_000).toISOString(), limit: 4 });
    expect(beforeEverything).toMatchObject({ anchor: messageIds[0], earlier: null });
    const afterEverything = await read({ at: new Date(T0 + 86_400_000).toISOString(), limit: 4 });
    expect(afterEverything.anchor).toBeNull();
    expect(afterEverything.entries.map(describeEntry)).toEqual(["m26", "m27", "m28", "m29"]);
  });

  it("keeps entries that share a millisecond in one order across pages: a call that ended in its first millisecond starts first", async () => {
    room = await seedRoom(database.db, ada, ben);
    const instant = minute(100);
    for (let i = 0; i < 5; i += 1) await say(ada, `same${i}`, instant);
    await call(instant, instant);
    await call(minute(101), null);

    const all = (await read({ limit: 50 })).entries;
    expect(all).toHaveLength(8);
    const starts = all.filter((entry) => entry.kind === "call-started").map((entry) => entry.key.slice(0, -1));
    const ends = all.filter((entry) => entry.kind === "call-ended").map((entry) => entry.key.slice(0, -1));
    expect(ends).toHaveLength(1);
    expect(all.findIndex((entry) => entry.key === `${ends[0]}a`)).toBeLessThan(all.findIndex((entry) => entry.key === `${ends[0]}b`));
    expect(all.at(-1)).toMatchObject({ kind: "call-started", call: { endedAt: null, durationMs: null } });
    expect(starts).toHaveLength(2);

    const oneByOne: TTimelineEntry[] = [];
    let page = await read({ limit: 1 });
    oneByOne.unshift(...page.entries);
    while (page.earlier) {
      page = await read({ before: page.earlier, limit: 1 });
      oneByOne.unshift(...page.entries);
    }
    expect(oneByOne.map((entry) => entry.key)).toEqual(all.map((entry) => entry.key));
  });
});
