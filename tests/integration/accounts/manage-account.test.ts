import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { seedRoom, seedUser, seedUsers } from "../../helpers/seed";
import { changePassword } from "@/lib/server/account/change-password";
import { deleteAccount } from "@/lib/server/account/delete-account";
import { isAuthSessionActive, startAuthSession } from "@/lib/server/auth/auth-sessions";
import { createMessage } from "@/lib/server/messages/create-message";
import { listMessages } from "@/lib/server/messages/list-messages";
import { joinRoom } from "@/lib/server/rooms/join-room";
import { createUser } from "@/lib/server/users/create-user";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";
import { DELETED_ACCOUNT_NAME } from "@/lib/shared/account";

describe("managing one's account", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  describe("changing the password", () => {
    it("needs the current password, and a wrong one changes nothing", async () => {
      const ada = await seedUser(database.db, "Ada");
      const here = await startAuthSession(database.db, ada.id);
      const attempt = changePassword(database.db, {
        userId: ada.id,
        sessionId: here,
        currentPassword: "not it at all",
        newPassword: "a brand new password",
      });
      await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", fields: { currentPassword: "That is not your current password" } });
      await expect(verifyCredentials(database.db, { email: ada.email, password: ada.password })).resolves.toMatchObject({ id: ada.id });
    });

    it("takes the new password, retires the old one, and signs out every other browser but this one", async () => {
      const ada = await seedUser(database.db, "Ada");
      const here = await startAuthSession(database.db, ada.id);
      const phone = await startAuthSession(database.db, ada.id);
      const laptop = await startAuthSession(database.db, ada.id);

      const ended = await changePassword(database.db, {
        userId: ada.id,
        sessionId: here,
        currentPassword: ada.password,
        newPassword: "a brand new password",
      });

      expect(ended).toBe(2);
      await expect(isAuthSessionActive(database.db, { sessionId: here, userId: ada.id })).resolves.toBe(true);
      await expect(isAuthSessionActive(database.db, { sessionId: phone, userId: ada.id })).resolves.toBe(false);
      await expect(isAuthSessionActive(database.db, { sessionId: laptop, userId: ada.id })).resolves.toBe(false);
      await expect(verifyCredentials(database.db, { email: ada.email, password: ada.password })).resolves.toBeNull();
      await expect(verifyCredentials(database.db, { email: ada.email, password: "a brand new password" })).resolves.toMatchObject({ id: ada.id });
    });
  });

  describe("deleting the account", () => {
    it("needs the password, and a wrong one deletes nothing", async () => {
      const ada = await seedUser(database.db, "Ada");
      const room = await seedRoom(database.db, ada);
      await expect(deleteAccount(database.db, { userId: ada.id, password: "not it at all" })).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(database.db.room.count({ where: { id: room.id } })).resolves.toBe(1);
      await expect(verifyCredentials(database.db, { email: ada.email, password: ada.password })).resolves.toMatchObject({ id: ada.id });
    });

    it("as a guest: the owner's record keeps my messages under a deleted account, and my seat is free again", async () => {
      const [owner, guest, next] = await seedUsers(database.db, ["Olga", "Gus", "Nia"]);
      const room = await seedRoom(database.db, owner, guest);
      await createMessage(database.db, { roomId: room.id, author: owner, clientId: "o-1", body: "Hello Gus" });
      await createMessage(database.db, { roomId: room.id, author: guest, clientId: "g-1", body: "Hi Olga, see you Monday" });
      const session = await startAuthSession(database.db, guest.id);

      const { leftRooms } = await deleteAccount(database.db, { userId: guest.id, password: guest.password });

      // What the owner's open page is told: the room without its guest.
      expect(leftRooms.map(({ id, members }) => [id, members.map((member) => member.name)])).toEqual([[room.id, ["Olga"]]]);
      const { messages } = await listMessages(database.db, { roomId: room.id, limit: 50 });
      expect(messages.map(({ author, body }) => [author.name, body])).toEqual([
        ["Olga", "Hello Gus"],
        [DELETED_ACCOUNT_NAME, "Hi Olga, see you Monday"],
      ]);
      await expect(isAuthSessionActive(database.db, { sessionId: session, userId: guest.id })).resolves.toBe(false);
      await expect(verifyCredentials(database.db, { email: guest.email, password: guest.password })).resolves.toBeNull();
      const { room: reopened } = await joinRoom(database.db, { roomId: room.id, userId: next.id });
      expect(reopened.members.map((member) => member.name).sort()).toEqual(["Nia", "Olga"]);
      // Erased, so the same email can make a new account.
      const again = await createUser(database.db, { name: "Gus again", email: guest.email, password: "another long password" });
      expect(again.id).not.toBe(guest.id);
      const tombstone = await database.db.user.findUniqueOrThrow({ where: { id: guest.id } });
      expect(tombstone).toMatchObject({ name: "", passwordHash: null });
      expect(tombstone.email).not.toContain(guest.email.split("@")[0]);
    });

    it("a sign-in whose password check was under way as the account was deleted gets no session", async () => {
      const ada = await seedUser(database.db, "Ada");
      await deleteAccount(database.db, { userId: ada.id, password: ada.password });

      await expect(startAuthSession(database.db, ada.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(database.db.authSession.count({ where: { userId: ada.id } })).resolves.toBe(0);
    });

    it("as an owner: my rooms go, with their chat, and the rooms I joined as a guest stay", async () => {
      const [owner, guest, other] = await seedUsers(database.db, ["Olga", "Gus", "Ola"]);
      const mine = await seedRoom(database.db, owner, guest);
      const theirs = await seedRoom(database.db, other, owner);
      await createMessage(database.db, { roomId: mine.id, author: guest, clientId: "g-1", body: "In Olga's room" });
      await createMessage(database.db, { roomId: theirs.id, author: owner, clientId: "o-1", body: "In Ola's room" });

      const { deletedRoomIds, leftRooms } = await deleteAccount(database.db, { userId: owner.id, password: owner.password });

      expect(deletedRoomIds).toEqual([mine.id]);
      expect(leftRooms.map(({ id, members }) => [id, members.map((member) => member.name)])).toEqual([[theirs.id, ["Ola"]]]);

      await expect(database.db.room.count({ where: { id: mine.id } })).resolves.toBe(0);
      await expect(database.db.message.count({ where: { roomId: mine.id } })).resolves.toBe(0);
      const { messages } = await listMessages(database.db, { roomId: theirs.id, limit: 50 });
      expect(messages.map(({ author, body }) => [author.name, body])).toEqual([[DELETED_ACCOUNT_NAME, "In Ola's room"]]);
    });

    it("an account without a password is confirmed by typing its email", async () => {
      const user = await database.db.user.create({ data: { email: `oauth-${Date.now()}@example.test`, name: "Octo" } });
      await expect(deleteAccount(database.db, { userId: user.id, email: "someone@else.test" })).rejects.toMatchObject({ code: "VALIDATION" });
      await deleteAccount(database.db, { userId: user.id, email: ` ${user.email.toUpperCase()} ` });
      await expect(database.db.user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toMatchObject({ name: "" });
    });
  });
});
