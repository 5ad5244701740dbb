import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createMessage } from "@/lib/server/messages/create-message";
import { newRoomId } from "@/lib/server/rooms/create-room";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { renameRoom } from "@/lib/server/rooms/rename-room";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";

const UNAVAILABLE = { code: "NOT_FOUND", message: ROOM_UNAVAILABLE };

describe("what only a room's owner may do", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const nameOf = async (roomId: string) => (await database.db.room.findUnique({ where: { id: roomId }, select: { name: true } }))?.name;

  describe("renaming", () => {
    it("gives the room its new name, for both members", async () => {
      const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
      const room = await seedRoom(database.db, olga, gus);
      const renamed = await renameRoom(database.db, { roomId: room.id, userId: olga.id, name: "Friday planning" });
      expect(renamed).toMatchObject({ id: room.id, name: "Friday planning" });
      expect(renamed.members.map(({ name }) => name)).toEqual(["Olga", "Gus"]);
      await expect(nameOf(room.id)).resolves.toBe("Friday planning");
    });

    it("refuses the guest, and answers an outsider as it answers for no room", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(renameRoom(database.db, { roomId: room.id, userId: gus.id, name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(renameRoom(database.db, { roomId: room.id, userId: cy.id, name: "Mine now" })).rejects.toMatchObject(UNAVAILABLE);
      await expect(renameRoom(database.db, { roomId: newRoomId(), userId: cy.id, name: "Mine now" })).rejects.toMatchObject(UNAVAILABLE);
      await expect(nameOf(room.id)).resolves.toBe(room.name);
    });
  });

  describe("deleting", () => {
    it("takes the room's messages and seats with it, and leaves the owner's other rooms alone", async () => {
      const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
      const room = await seedRoom(database.db, olga, gus);
      const other = await seedRoom(database.db, olga, gus);
      await createMessage(database.db, { roomId: room.id, author: gus, clientId: "g-1", body: "See you" });
      await createMessage(database.db, { roomId: other.id, author: gus, clientId: "g-1", body: "Still here" });

      await deleteRoom(database.db, { roomId: room.id, userId: olga.id });

      await expect(database.db.room.count({ where: { id: room.id } })).resolves.toBe(0);
      await expect(database.db.message.count({ where: { roomId: room.id } })).resolves.toBe(0);
      await expect(database.db.membership.count({ where: { roomId: room.id } })).resolves.toBe(0);
      await expect(database.db.message.count({ where: { roomId: other.id } })).resolves.toBe(1);
      await expect(deleteRoom(database.db, { roomId: room.id, userId: olga.id })).rejects.toMatchObject(UNAVAILABLE);
    });

    it("refuses the guest, and answers an outsider as it answers for no room", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(deleteRoom(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteRoom(database.db, { roomId: room.id, userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(deleteRoom(database.db, { roomId: newRoomId(), userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(database.db.room.count({ where: { id: room.id } })).resolves.toBe(1);
    });
  });
});
