// A room's export, streamed from the configured database: JSON that parses as ZRoomExport, and
// Markdown that reads as the conversation.
import { endCall } from "@/lib/server/calls/end-call";
import { recordCallQuality } from "@/lib/server/calls/record-call-quality";
import { startCall } from "@/lib/server/calls/start-call";
import type { TDbClient } from "@/lib/server/db/create-db-client";
import { exportRoom } from "@/lib/server/history/export-room";
import { TIMELINE_BATCH } from "@/lib/server/history/iterate-timeline";
import { getMemberRoom } from "@/lib/server/rooms/get-member-room";
import { ZRoomExport, type TExportFormat } from "@/lib/shared/room-export";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { newCallSessionId } from "../../helpers/realtime-server";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const T0 = Date.parse("2026-11-23T22:30:00.000Z");

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** `count` messages "line 0", "line 1", … a second apart from `from`, their authors taking turns. */
async function writeLines(db: TDbClient, roomId: string, authors: TPublicUser[], count: number, from: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    roomId,
    authorId: authors[i % authors.length]!.id,
    clientId: crypto.randomUUID(),
    body: `line ${i}`,
    createdAt: new Date(from + i * 1000),
  }));
  await db.message.createMany({ data: rows });
}

describe("room export", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;

  const exported = async (format: TExportFormat, timeZone?: string, db: TDbClient = database.db) =>
    readAll(
      exportRoom(db, {
        room: (await getMemberRoom(database.db, { roomId: room.id, userId: ada.id }))!,
        format,
        timeZone,
        exportedAt: new Date(T0 + 86_400_000),
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
    const say = (author: TPublicUser, body: string, at: number) =>
      database.db.message.create({ data: { roomId: room.id, authorId: author.id, clientId: crypto.randomUUID(), body, createdAt: new Date(at) } });
    await say(ada, "Hello **Ben** <script>alert(1)</script>\n- not a list\n# not a heading", T0);
    const sides = [
      { userId: ada.id, callSessionId: newCallSessionId() },
      { userId: ben.id, callSessionId: newCallSessionId() },
    ] as const;
    await startCall(database.db, { roomId: room.id, sides: [sides[0], sides[1]], now: new Date(T0 + 60_000) });
    await recordCallQuality(database.db, {
      roomId: room.id,
      userId: ben.id,
      callSessionId: sides[1].callSessionId,
      quality: { path: "direct", protocol: "udp", rttMs: 23, packetLossPct: 0.2, frameWidth: 1280, frameHeight: 720 },
    });
    await endCall(database.db, { roomId: room.id, callSessionId: sides[0].callSessionId, reason: "hung-up", now: new Date(T0 + 60_000 + 725_000) });
    // Enough to need more than one batch, an hour later: past midnight in Berlin, not in UTC.
    await writeLines(database.db, room.id, [ben, ada], TIMELINE_BATCH + 20, T0 + 3_600_000);
  }, 30_000);

  afterAll(async () => {
    await database.cleanup();
  });

  it("JSON: one document of the documented shape, every message and call oldest first, each call once with its end and quality", async () => {
    const document = ZRoomExport.parse(JSON.parse(await exported("json")));
    expect(document).toMatchObject({ format: "duet.room-export", version: 1, room: { id: room.id, name: room.name } });
    expect(document.members.map(({ name, role }) => [name, role])).toEqual([
      ["Ada", "owner"],
      ["Ben", "guest"],
    ]);
    expect(document.entries).toHaveLength(2 + TIMELINE_BATCH + 20);
    expect(document.entries.map((entry) => entry.type).slice(0, 3)).toEqual(["message", "call", "message"]);
    expect(document.entries[1]).toMatchObject({ type: "call", durationMs: 725_000, endReason: "hung-up" });
    const call = document.entries[1]!.type === "call" ? document.entries[1] : null;
    expect(call?.participants.find(({ user }) => user.name === "Ben")?.quality).toMatchObject({ path: "direct", rttMs: 23 });
    expect(document.entries.at(-1)).toMatchObject({ type: "message", body: `line ${TIMELINE_BATCH + 19}` });
    const times = document.entries.map((entry) => entry.at);
    expect([...times].sort()).toEqual(times);
  });

  it("Markdown: the conversation as written, under day headings in the reader's time zone, with the call's start and end", async () => {
    const markdown = await exported("markdown", "Europe/Berlin");
    expect(markdown.split("\n")[0]).toBe(`# ${room.name}`);
    expect(markdown).toContain("Members: Ada (owner), Ben (guest)");
    expect(markdown.match(/^## .*$/gm)).toEqual(["## Monday, 23 November 2026", "## Tuesday, 24 November 2026"]);
    expect(markdown).toContain("**23:30 · Ada**  \nHello \\*\\*Ben\\*\\* \\<script\\>alert(1)\\</script\\>  \n\\- not a list  \n\\# not a heading");
    expect(markdown).toContain("**23:31 · Call started** · Ada and Ben");
    expect(markdown).toContain("**23:43 · Call ended** · 12 min 05 s · Ben's connection: direct (UDP), 23 ms round trip, 0.2 % loss, 1280×720");
    expect(markdown).toContain(`line ${TIMELINE_BATCH + 19}`);
    const inUtc = await exported("markdown");
    expect(inUtc.match(/^## .*$/gm)).toEqual(["## Monday, 23 November 2026"]);
    expect(inUtc).toContain("**22:30 · Ada**");
  });

  it("an empty room exports a valid, empty record", async () => {
    const empty = await seedRoom(database.db, ben, ada);
    const summary = (await getMemberRoom(database.db, { roomId: empty.id, userId: ben.id }))!;
    expect(ZRoomExport.parse(JSON.parse(await readAll(exportRoom(database.db, { room: summary, format: "json" })))).entries).toEqual([]);
    expect(await readAll(exportRoom(database.db, { room: summary, format: "markdown" }))).toContain("Nothing has happened in this room yet.");
  });

  it("reads the database only as the download is read: one batch per chunk taken, none after the reader stops", async () => {
    let reads = 0;
    const pending = new Set<Promise<unknown>>();
    const counting = {
      message: {
        findMany: (...args: Parameters<TDbClient["message"]["findMany"]>) => {
          reads++;
          const read = database.db.message.findMany(...args);
          pending.add(read);
          void read.finally(() => pending.delete(read)).catch(() => {});
          return read;
        },
      },
      call: database.db.call,
    } as unknown as TDbClient;
    // Every read the stream started has finished, and it started none after: it reads no further unasked.
    const settled = async () => {
      do {
        await Promise.allSettled([...pending]);
        await new Promise(setImmediate);
      } while (pending.size > 0);
    };
    // Four batches' worth, so that a stream reading ahead of its reader would show in the count.
    const long = await seedRoom(database.db, ada, ben);
    await writeLines(database.db, long.id, [ada], 4 * TIMELINE_BATCH, T0);
    const summary = (await getMemberRoom(database.db, { roomId: long.id, userId: ada.id }))!;
    const reader = exportRoom(counting, { room: summary, format: "json" }).getReader();
    await reader.read(); // the head
    await reader.read(); // the first batch
    await settled();
    expect(reads).toBeLessThanOrEqual(2);
    await reader.cancel();
    const afterCancel = reads;
    await settled();
    expect(reads).toBe(afterCancel);
  });
});
