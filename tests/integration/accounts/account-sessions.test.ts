import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { connected, refusal, startRealtimeServer, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { waitFor } from "../../helpers/wait-for";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { endAuthSession, endAuthSessions } from "@/lib/server/auth/auth-sessions";
import { installSessionConnectionCloser } from "@/lib/server/auth/session-connections";
import { describeConnectError, type TConnectError } from "@/lib/client/describe-connect-error";
import { Manager } from "socket.io-client";
import { PacketType } from "socket.io-parser";
import { roomNamespace } from "@/lib/shared/paths";
import { REALTIME_PATH } from "@/lib/shared/realtime-events";
import { TEST_SITE_URL } from "../../helpers/realtime-server";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

/** Resolves with what the client was told, once the server closed it. */
function closedByServer(socket: TestClient): Promise<{ toldSessionEnded: boolean; reason: string }> {
  let toldSessionEnded = false;
  socket.once("session:ended", () => (toldSessionEnded = true));
  return new Promise((resolve) => socket.once("disconnect", (reason) => resolve({ toldSessionEnded, reason })));
}

describe("a sign-in session that ends stops opening rooms, and closes those it has open", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let room: TRoomSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startRealtimeServer(database.db);
    // What server.ts does: route handlers end sessions, the realtime server closes their sockets.
    installSessionConnectionCloser((sessionIds) => server.endSessions(sessionIds));
    const [owner, guest] = await seedUsers(database.db, ["Ada", "Ben"]);
    ada = owner;
    room = await seedRoom(database.db, owner, guest);
  });

  afterAll(async () => {
    installSessionConnectionCloser(() => {});
    await server.close();
    await database.cleanup();
  });

  const sessionIdOf = async (userId: string) =>
    (await database.db.authSession.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }))[0]!.id;

  it("refuses the cookie of a browser that signed out, though its JWT has not expired", async () => {
    const cookie = await sessionCookie(database.db, ada);
    const open = await connected(server.client(room.id, { cookie }));
    const closed = closedByServer(open);

    await endAuthSession(database.db, await sessionIdOf(ada.id));

    await expect(closed).resolves.toEqual({ toldSessionEnded: true, reason: "io server disconnect" });
    // Long-polling, as a browser falls back to: its refusal is readable, unlike a WebSocket's.
    const again = server.client(room.id, { cookie, transport: "polling" });
    let told: string | null = null;
    again.once("connect_error", (error) => (told = describeConnectError(error as TConnectError)));
    await refusal(again);
    expect(told).toBe("Duet didn't recognise your session. Sign in again.");
  });

  it("a connection kept open with no room in it cannot open a room once its sign-in has ended", async () => {
    const cookie = await sessionCookie(database.db, ada);
    const namespace = roomNamespace(room.id);
    const manager = new Manager(server.url, {
      path: REALTIME_PATH,
      transports: ["websocket"],
      extraHeaders: { cookie, origin: TEST_SITE_URL },
      reconnection: false,
    });
    const socket = manager.socket(namespace);
    // What a hand-written client sends: Socket.IO's own writer, which its Socket class calls.
    const send = (packet: { type: PacketType; nsp: string }) => (manager as unknown as { _packet(packet: object): void })._packet(packet);
    try {
      await connected(socket as TestClient);
      // A hand-made client leaves the room but keeps the connection: the server then tracks
      // nothing of it that ending the session would close.
      send({ type: PacketType.DISCONNECT, nsp: namespace });
      await waitFor(() => server.openRooms() === 0, "the room left on the server");
      await endAuthSessions(database.db, { userId: ada.id });

      const answer = new Promise<Error>((resolve, reject) => {
        socket.once("connect_error", resolve);
        socket.once("connect", () => reject(new Error("the room admitted a connection whose sign-in had ended")));
      });
      send({ type: PacketType.CONNECT, nsp: namespace });

      await expect(answer).resolves.toMatchObject({ message: "Sign in to join a room" });
    } finally {
      socket.disconnect();
    }
  });

  it("signing out everywhere but this browser closes the other browsers' rooms and leaves this one open", async () => {
    const otherCookie = await sessionCookie(database.db, ada);
    const thisCookie = await sessionCookie(database.db, ada);
    const thisSessionId = await sessionIdOf(ada.id);
    const other = await connected(server.client(room.id, { cookie: otherCookie }));
    const closed = closedByServer(other);

    const ended = await endAuthSessions(database.db, { userId: ada.id, keep: thisSessionId });

    expect(ended.length).toBeGreaterThanOrEqual(1);
    await expect(closed).resolves.toMatchObject({ toldSessionEnded: true });
    await expect(refusal(server.client(room.id, { cookie: otherCookie }))).resolves.toBeInstanceOf(Error);
    const stillSignedIn = await connected(server.client(room.id, { cookie: thisCookie }));
    expect(stillSignedIn.connected).toBe(true);
    stillSignedIn.disconnect();
    await waitFor(async () => (await database.db.authSession.count({ where: { userId: ada.id } })) === 1, "only this browser's session left");
  });
});
