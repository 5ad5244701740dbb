import { listMessages } from "@/lib/server/messages/list-messages";
import { getMemberRoom } from "@/lib/server/rooms/get-member-room";
import { getMembership } from "@/lib/server/rooms/get-membership";
import { ZHistoryQuery } from "@/lib/shared/message";
import type { TRoomSummary } from "@/lib/shared/room";
import { parseInput } from "@/lib/shared/validation";
import type { TPublicUser } from "@/lib/shared/user";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// What a URL can put in a room id or a history cursor. PostgreSQL refuses a NUL in a query.
const HOSTILE = ["a\u0000b", "\u0000", "\ud800", "x".repeat(10_000), "' OR 1=1 --", "../rooms", "%00"];

describe("room ids and history cursors from a URL", () => {
  let database: TestDatabase;
  let ada: TPublicUser;
  let room: TRoomSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    [ada] = await seedUsers(database.db, ["Ada"]);
    room = await seedRoom(database.db, ada);
  }, 30_000);

  afterAll(() => database.cleanup());

  it("name no room, rather than failing the query, whatever they hold", async () => {
    for (const roomId of HOSTILE) {
      await expect(getMembership(database.db, { roomId, userId: ada.id })).resolves.toBeNull();
      await expect(getMemberRoom(database.db, { roomId, userId: ada.id })).resolves.toBeNull();
    }
  });

  it("refuse a cursor that is not a message id as VALIDATION before the database sees it", async () => {
    for (const before of HOSTILE) {
      expect(() => parseInput(ZHistoryQuery, { before })).toThrow(
        expect.objectContaining({ code: "VALIDATION", fields: { before: "Not a message id" } }),
      );
    }
    const { messages } = await listMessages(database.db, { roomId: room.id, ...parseInput(ZHistoryQuery, {}) });
    expect(messages).toEqual([]);
  });
});
