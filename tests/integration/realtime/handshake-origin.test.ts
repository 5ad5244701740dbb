import { describeConnectError, type TConnectError } from "@/lib/client/describe-connect-error";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, refusal, startRealtimeServer, TEST_SITE_URL, type TestClient, type TestRealtimeServer } from "../../helpers/realtime-server";
import { seedRoom, seedUsers, sessionCookie } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

/** The sentence a person would read for this client's refusal (read while connect_error runs). */
async function describedRefusal(socket: TestClient): Promise<string | null> {
  let described: string | null = null;
  socket.once("connect_error", (error) => (described = describeConnectError(error as TConnectError)));
  await refusal(socket);
  return described;
}

describe("where a realtime handshake may come from", () => {
  let database: TestDatabase;
  let owner: TPublicUser;
  let room: TRoomSummary;
  let cookie: string;
  const servers: TestRealtimeServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    [owner] = await seedUsers(database.db, ["Ada"]);
    room = await seedRoom(database.db, owner);
    cookie = await sessionCookie(database.db, owner);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.cleanup();
  });

  async function start(site: Parameters<typeof startRealtimeServer>[2]): Promise<TestRealtimeServer> {
    const server = await startRealtimeServer(database.db, {}, site);
    servers.push(server);
    return server;
  }

  describe("SITE_URL not set (the default http://localhost:PORT is only a guess)", () => {
    let server: TestRealtimeServer;
    beforeAll(async () => {
      server = await start({ siteUrl: "http://localhost:3000", originPolicy: "same-host" });
    });

    it("accepts a WebSocket handshake from the page's own origin, opened as 127.0.0.1", async () => {
      const socket = await connected(server.client(room.id, { cookie, origin: server.url }));
      expect(socket.io.engine.transport.name).toBe("websocket");
      socket.disconnect();
    });

    it("accepts long-polling, which carries no Origin", async () => {
      (await connected(server.client(room.id, { cookie, origin: null, transport: "polling" }))).disconnect();
    });

    it("still refuses a foreign origin", async () => {
      const error = await refusal(server.client(room.id, { cookie, origin: "https://evil.example" }));
      // Engine.IO refuses an upgrade by hanging up: a WebSocket refusal carries no status.
      expect(error.message).toBe("websocket error");
      expect(describeConnectError(error as TConnectError)).toBeNull();
      expect(await describedRefusal(server.client(room.id, { cookie, origin: "https://evil.example", transport: "polling" }))).toMatch(
        /^Duet refused the connection/,
      );
    });

    it("still refuses the same host name on another port", async () => {
      await expect(refusal(server.client(room.id, { cookie, origin: "http://127.0.0.1:1" }))).resolves.toBeInstanceOf(Error);
    });
  });

  describe("SITE_URL set by the operator", () => {
    let server: TestRealtimeServer;
    beforeAll(async () => {
      server = await start({ siteUrl: TEST_SITE_URL, originPolicy: "site-url" });
    });

    it("accepts its own origin", async () => {
      (await connected(server.client(room.id, { cookie, origin: TEST_SITE_URL }))).disconnect();
    });

    it("refuses the page's own origin when that is not SITE_URL, saying where Duet lives", async () => {
      await expect(refusal(server.client(room.id, { cookie, origin: server.url }))).resolves.toBeInstanceOf(Error);
      const polling = server.client(room.id, { cookie, origin: server.url, transport: "polling" });
      expect(await describedRefusal(polling)).toBe(`Duet refused the connection: open it at ${TEST_SITE_URL}`);
    });

    it("refuses long-polling without Origin addressed to another host", async () => {
      const polling = server.client(room.id, { cookie, origin: null, transport: "polling" });
      expect(await describedRefusal(polling)).toBe(`Duet refused the connection: open it at ${TEST_SITE_URL}`);
    });

    it("ignores X-Forwarded-Host when no proxy is trusted", async () => {
      const headers = { "x-forwarded-host": new URL(TEST_SITE_URL).host };
      await expect(refusal(server.client(room.id, { cookie, origin: null, transport: "polling", headers }))).resolves.toBeInstanceOf(Error);
    });

    it("asks to sign in again when the session is missing", async () => {
      const polling = server.client(room.id, { origin: TEST_SITE_URL, transport: "polling" });
      expect(await describedRefusal(polling)).toBe("Duet didn't recognise your session. Sign in again.");
    });
  });

  it("behind a trusted proxy, judges long-polling by the host the proxy forwarded", async () => {
    const server = await start({ siteUrl: TEST_SITE_URL, originPolicy: "site-url", trustProxy: true });
    const headers = { "x-forwarded-host": new URL(TEST_SITE_URL).host };
    (await connected(server.client(room.id, { cookie, origin: null, transport: "polling", headers }))).disconnect();
  });
});
