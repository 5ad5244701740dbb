import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connected, refusal, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { waitFor } from "../../helpers/wait-for";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { newRoomId } from "@/lib/server/rooms/create-room";
import { ROOM_UNAVAILABLE } from "@/lib/server/rooms/room-unavailable";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

/** The CONNECT_ERROR packet a refused client received, as the bytes on the wire: `44<nsp>,<answer>`. */
function refusalPacket(socket: TestClient): Promise<{ nsp: string; answer: string }> {
  return new Promise((resolve, reject) => {
    socket.io.once("open", () => {
      socket.io.engine.on("packet", ({ type, data }) => {
        const match = typeof data === "string" && type === "message" ? /^4(\/[^,]*),(.*)$/s.exec(data) : null;
        if (match) resolve({ nsp: match[1]!, answer: match[2]! });
      });
    });
    refusal(socket).catch(reject);
  });
}

describe("who may open a room's namespace", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let owner: TPublicUser;
  let guest: TPublicUser;
  let stranger: TPublicUser;
  let room: TRoomSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    [owner, guest, stranger] = await seedUsers(database.db, ["Ada", "Ben", "Cy"]);
    room = await seedRoom(database.db, owner, guest);
  });

  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it("admits the owner and the guest", async () => {
    const ownerSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, owner) }));
    const guestSocket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, guest) }));
    expect(ownerSocket.connected && guestSocket.connected).toBe(true);
    ownerSocket.disconnect();
    guestSocket.disconnect();
  });

  it("refuses an anonymous handshake", async () => {
    const error = await refusal(server.client(room.id));
    expect(error.message).not.toBe("");
    // (Not io.of(name): that would create the namespace, without the room middleware.)
    expect(server.io._nsps.get(`/rooms/${room.id}`)?.sockets.size ?? 0).toBe(0);
  });

  it("refuses a forged session cookie", async () => {
    const forged = await sessionCookie(database.db, owner, "some-other-secret-some-other-secret-0000");
    await expect(refusal(server.client(room.id, { cookie: forged }))).resolves.toBeInstanceOf(Error);
  });

  it("refuses a signed-in person who is not a member (a third person)", async () => {
    const error = await refusal(server.client(room.id, { cookie: await sessionCookie(database.db, stranger) }));
    expect(error.message).toBe(ROOM_UNAVAILABLE);
  });

  it("gives a signed-in outsider byte-identical refusals for an unknown room and a room they may not enter", async () => {
    const cookie = await sessionCookie(database.db, stranger);
    const unknownId = newRoomId();
    const unknown = await refusalPacket(server.client(unknownId, { cookie }));
    const real = await refusalPacket(server.client(room.id, { cookie }));
    expect(unknown.nsp).toBe(`/rooms/${unknownId}`);
    expect(real.nsp).toBe(`/rooms/${room.id}`);
    // The namespace is the one the client asked for; the rest of the packet is the answer.
    expect(unknown.answer).toBe(real.answer);
    expect(JSON.parse(real.answer)).toEqual({ message: ROOM_UNAVAILABLE });
  });

  it("leaves no namespace behind for room ids that name no room", async () => {
    const cookie = await sessionCookie(database.db, stranger);
    await Promise.all(Array.from({ length: 20 }, async () => refusal(server.client(newRoomId(), { cookie }))));
    await waitFor(() => server.openRooms() === 0, "the refused namespaces to be dropped");
  });

  it("refuses a namespace that is not a well-formed room id", async () => {
    const malformed = await refusal(server.client("x", { cookie: await sessionCookie(database.db, stranger), namespace: "/rooms/not-a-room" }));
    expect(malformed.message).toBe("Invalid namespace");
  });

  it("refuses the main namespace", async () => {
    const error = await refusal(server.client("", { cookie: await sessionCookie(database.db, owner), namespace: "/" }));
    expect(error.message).toMatch(/room namespace/);
  });

  it("refuses a handshake from a foreign Origin, even with a valid session", async () => {
    const error = await refusal(server.client(room.id, { cookie: await sessionCookie(database.db, owner), origin: "https://evil.example" }));
    expect(error).toBeInstanceOf(Error);
  });

  it("drops a namespace from memory once its last member leaves", async () => {
    const socket = await connected(server.client(room.id, { cookie: await sessionCookie(database.db, owner) }));
    expect(server.io._nsps.has(`/rooms/${room.id}`)).toBe(true);
    socket.disconnect();
    await waitFor(() => !server.io._nsps.has(`/rooms/${room.id}`), "the empty namespace to be removed");
    expect(server.openRooms()).toBe(0);
  });
});
