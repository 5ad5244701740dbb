import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { waitFor } from "../../helpers/wait-for";
import { createMessage } from "@/lib/server/messages/create-message";
import { newRoomId } from "@/lib/server/rooms/create-room";
import { listMyRooms } from "@/lib/server/rooms/list-my-rooms";
import { markRoomRead } from "@/lib/server/rooms/mark-room-read";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";
import type { TPublicUser } from "@/lib/shared/user";

describe("my rooms on the home page: counts and unread messages", () => {
  let database: TestDatabase;
  let clientIds = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const say = (roomId: string, author: TPublicUser, body: string) =>
    createMessage(database.db, { roomId, author, clientId: `c-${(clientIds += 1)}`, body });
  const listed = async (userId: string) =>
    (await listMyRooms(database.db, { userId })).map(({ name, myRole, messageCount, unreadCount, members }) => ({
      name,
      myRole,
      with: members.filter((member) => member.id !== userId).map((member) => member.name),
      messageCount,
      unreadCount,
    }));

  it("lists each room with the other person, my role, its message count, and the other person's messages I have not seen", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const room = await seedRoom(database.db, olga, gus);
    await say(room.id, olga, "Hi Gus");
    await say(room.id, gus, "Hi Olga");
    await say(room.id, gus, "Monday?");

    expect(await listed(olga.id)).toEqual([{ name: room.name, myRole: "owner", with: ["Gus"], messageCount: 3, unreadCount: 2 }]);
    expect(await listed(gus.id)).toEqual([{ name: room.name, myRole: "guest", with: ["Olga"], messageCount: 3, unreadCount: 1 }]);
  });

  it("counts only what came after I last looked, and a look by one member leaves the other's count alone", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const room = await seedRoom(database.db, olga, gus);
    await say(room.id, gus, "Seen soon");
    const lookedAt = new Date(Date.now() + 5);
    await markRoomRead(database.db, { roomId: room.id, userId: olga.id, at: lookedAt });
    await waitFor(() => Date.now() > lookedAt.getTime(), "the clock to pass the moment Olga looked");
    await say(room.id, gus, "After you looked");
    await say(room.id, olga, "My own reply is never unread");

    expect((await listed(olga.id))[0]).toMatchObject({ messageCount: 3, unreadCount: 1 });
    expect((await listed(gus.id))[0]).toMatchObject({ unreadCount: 1 });
    await markRoomRead(database.db, { roomId: room.id, userId: olga.id });
    expect((await listed(olga.id))[0]).toMatchObject({ unreadCount: 0 });
  });

  it("never moves a marker back: an older look (a slow tab) does not bring messages back as unread", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const room = await seedRoom(database.db, olga, gus);
    const before = new Date(Date.now() - 60_000);
    await say(room.id, gus, "One");
    await markRoomRead(database.db, { roomId: room.id, userId: olga.id });
    await markRoomRead(database.db, { roomId: room.id, userId: olga.id, at: before });
    expect((await listed(olga.id))[0]).toMatchObject({ unreadCount: 0 });
  });

  it("lists the newest activity first, and a room without a guest as waiting, with no messages", async () => {
    const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
    const quiet = await seedRoom(database.db, olga);
    const busy = await seedRoom(database.db, olga, gus);
    await database.db.room.update({ where: { id: quiet.id }, data: { name: "Quiet", lastActivityAt: new Date(Date.now() - 60_000) } });
    await database.db.room.update({ where: { id: busy.id }, data: { name: "Busy" } });
    await say(busy.id, gus, "Hello");
    expect(await listed(olga.id)).toEqual([
      { name: "Busy", myRole: "owner", with: ["Gus"], messageCount: 1, unreadCount: 1 },
      { name: "Quiet", myRole: "owner", with: [], messageCount: 0, unreadCount: 0 },
    ]);
  });

  it("marks read only for the room's members: an outsider gets the same answer as for no room", async () => {
    const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
    const room = await seedRoom(database.db, olga, gus);
    const unavailable = { code: "NOT_FOUND", message: ROOM_UNAVAILABLE };
    await expect(markRoomRead(database.db, { roomId: room.id, userId: cy.id })).rejects.toMatchObject(unavailable);
    await expect(markRoomRead(database.db, { roomId: newRoomId(), userId: cy.id })).rejects.toMatchObject(unavailable);
    await expect(markRoomRead(database.db, { roomId: room.id, userId: gus.id })).resolves.toBeInstanceOf(Date);
  });
});
