import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { seedRoom, seedUsers } from "../../helpers/seed";
import { createMessage } from "@/lib/server/messages/create-message";
import { newRoomId } from "@/lib/server/rooms/create-room";
import { getMembership } from "@/lib/server/rooms/get-membership";
import { joinRoom } from "@/lib/server/rooms/join-room";
import { leaveRoom } from "@/lib/server/rooms/leave-room";
import { readRoomLink } from "@/lib/server/rooms/read-room-link";
import { removeGuest } from "@/lib/server/rooms/remove-guest";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";

const UNAVAILABLE = { code: "NOT_FOUND", message: ROOM_UNAVAILABLE };

describe("who sits in a room: opening its link, joining, leaving, being removed", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const membersOf = async (roomId: string) =>
    (await database.db.membership.findMany({ where: { roomId }, select: { userId: true, role: true }, orderBy: { role: "desc" } })).map(
      ({ userId, role }) => [userId, role],
    );

  describe("opening the link", () => {
    it("shows a signed-in link holder whose room it is while the seat is free, and takes no seat however often it is opened", async () => {
      const [olga, nia] = await seedUsers(database.db, ["Olga", "Nia"]);
      const room = await seedRoom(database.db, olga);
      for (let i = 0; i < 3; i += 1) {
        await expect(readRoomLink(database.db, { roomId: room.id, userId: nia.id })).resolves.toEqual({
          kind: "invitation",
          invitation: { roomId: room.id, roomName: room.name, ownerName: "Olga" },
        });
      }
      expect(await membersOf(room.id)).toEqual([[olga.id, "owner"]]);
    });

    it("gives members the room itself", async () => {
      const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
      const room = await seedRoom(database.db, olga, gus);
      for (const member of [olga, gus]) {
        await expect(readRoomLink(database.db, { roomId: room.id, userId: member.id })).resolves.toMatchObject({
          kind: "member",
          room: { id: room.id, name: room.name },
        });
      }
    });

    it("tells a third person about a full room exactly what it tells them about no room at all", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(readRoomLink(database.db, { roomId: room.id, userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(readRoomLink(database.db, { roomId: newRoomId(), userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(readRoomLink(database.db, { roomId: "not a room id", userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
    });
  });

  describe("joining", () => {
    it("takes the free seat on request, and asking again changes nothing", async () => {
      const [olga, nia] = await seedUsers(database.db, ["Olga", "Nia"]);
      const room = await seedRoom(database.db, olga);
      const first = await joinRoom(database.db, { roomId: room.id, userId: nia.id });
      expect(first.joined).toBe(true);
      expect(first.room.members.map(({ name, role }) => [name, role])).toEqual([
        ["Olga", "owner"],
        ["Nia", "guest"],
      ]);
      await expect(joinRoom(database.db, { roomId: room.id, userId: nia.id })).resolves.toMatchObject({ joined: false });
      await expect(joinRoom(database.db, { roomId: room.id, userId: olga.id })).resolves.toMatchObject({ joined: false });
    });

    it("seats exactly one of two people who ask at the same moment; the other is told the room is full", async () => {
      const [olga, nia, noor] = await seedUsers(database.db, ["Olga", "Nia", "Noor"]);
      const room = await seedRoom(database.db, olga);
      const results = await Promise.allSettled([nia, noor].map((person) => joinRoom(database.db, { roomId: room.id, userId: person.id })));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: UNAVAILABLE });
      expect((await membersOf(room.id)).length).toBe(2);
    });

    it("tells someone taking the seat as the owner deletes the room that it is unavailable, and seats nobody", async () => {
      const [olga, nia] = await seedUsers(database.db, ["Olga", "Nia"]);
      const room = await seedRoom(database.db, olga);
      // The owner's delete commits between finding the free seat and taking it.
      const deletedMeanwhile = database.db.$extends({
        query: {
          membership: {
            async create({ args, query }) {
              await database.db.room.delete({ where: { id: room.id } });
              return query(args);
            },
          },
        },
      }) as unknown as typeof database.db;

      await expect(joinRoom(deletedMeanwhile, { roomId: room.id, userId: nia.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(database.db.membership.count({ where: { userId: nia.id } })).resolves.toBe(0);
    });

    it("refuses a full room and an absent one alike", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(joinRoom(database.db, { roomId: room.id, userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(joinRoom(database.db, { roomId: newRoomId(), userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
    });
  });

  describe("removing the guest", () => {
    it("frees the seat, keeps the guest's messages, and the link no longer lets them back in, though it lets someone else", async () => {
      const [olga, gus, nia] = await seedUsers(database.db, ["Olga", "Gus", "Nia"]);
      const room = await seedRoom(database.db, olga, gus);
      await createMessage(database.db, { roomId: room.id, author: gus, clientId: "g-1", body: "Hi Olga" });

      const after = await removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id });

      expect(after.members.map(({ name }) => name)).toEqual(["Olga"]);
      await expect(getMembership(database.db, { roomId: room.id, userId: gus.id })).resolves.toBeNull();
      await expect(database.db.message.count({ where: { roomId: room.id, authorId: gus.id } })).resolves.toBe(1);
      await expect(readRoomLink(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(joinRoom(database.db, { roomId: room.id, userId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(joinRoom(database.db, { roomId: room.id, userId: nia.id })).resolves.toMatchObject({ joined: true });
    });

    it("removes nobody when the guest the owner saw has gone and someone else holds the seat", async () => {
      const [olga, gus, nia] = await seedUsers(database.db, ["Olga", "Gus", "Nia"]);
      const room = await seedRoom(database.db, olga, gus);
      await leaveRoom(database.db, { roomId: room.id, userId: gus.id });
      await joinRoom(database.db, { roomId: room.id, userId: nia.id });

      await expect(removeGuest(database.db, { roomId: room.id, userId: olga.id, guestId: gus.id })).rejects.toMatchObject({ code: "CONFLICT" });

      expect(await membersOf(room.id)).toEqual([
        [olga.id, "owner"],
        [nia.id, "guest"],
      ]);
      // Gus left of his own accord: the failed removal did not bar him.
      await leaveRoom(database.db, { roomId: room.id, userId: nia.id });
      await expect(joinRoom(database.db, { roomId: room.id, userId: gus.id })).resolves.toMatchObject({ joined: true });
    });

    it("is the owner's alone: the guest is refused, an outsider gets the same answer as for no room", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(removeGuest(database.db, { roomId: room.id, userId: gus.id, guestId: gus.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(removeGuest(database.db, { roomId: room.id, userId: cy.id, guestId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(removeGuest(database.db, { roomId: newRoomId(), userId: cy.id, guestId: gus.id })).rejects.toMatchObject(UNAVAILABLE);
      expect(await membersOf(room.id)).toEqual([
        [olga.id, "owner"],
        [gus.id, "guest"],
      ]);
    });
  });

  describe("leaving", () => {
    it("frees the guest's seat and keeps their messages; the link lets them ask again", async () => {
      const [olga, gus] = await seedUsers(database.db, ["Olga", "Gus"]);
      const room = await seedRoom(database.db, olga, gus);
      await createMessage(database.db, { roomId: room.id, author: gus, clientId: "g-1", body: "Bye for now" });

      const after = await leaveRoom(database.db, { roomId: room.id, userId: gus.id });

      expect(after.members.map(({ name }) => name)).toEqual(["Olga"]);
      await expect(database.db.message.count({ where: { roomId: room.id } })).resolves.toBe(1);
      await expect(readRoomLink(database.db, { roomId: room.id, userId: gus.id })).resolves.toMatchObject({ kind: "invitation" });
    });

    it("is for the guest: the owner is told to delete instead, an outsider gets the same answer as for no room", async () => {
      const [olga, gus, cy] = await seedUsers(database.db, ["Olga", "Gus", "Cy"]);
      const room = await seedRoom(database.db, olga, gus);
      await expect(leaveRoom(database.db, { roomId: room.id, userId: olga.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/Delete it instead/),
      });
      await expect(leaveRoom(database.db, { roomId: room.id, userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      await expect(leaveRoom(database.db, { roomId: newRoomId(), userId: cy.id })).rejects.toMatchObject(UNAVAILABLE);
      expect(await membersOf(room.id)).toEqual([
        [olga.id, "owner"],
        [gus.id, "guest"],
      ]);
    });
  });
});
