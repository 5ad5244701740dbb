// A call:join still being counted (its allowance lives in Redis on a cluster, a network round
// trip away) when its connection closes: the join must not go on for a browser that is gone.
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { newCallSessionId, startRealtimeServer, testRateLimits, type TestRealtimeServer } from "../../helpers/realtime-server";
import { roomSockets } from "../../helpers/room-sockets";
import { waitFor } from "../../helpers/wait-for";
import { drainInFlight } from "@/lib/server/realtime/in-flight";
import { seedRoom, seedUsers } from "../../helpers/seed";
import type { TRateLimits } from "@/lib/server/rate-limits/create-rate-limits";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

const MEDIA = { audio: true, video: true };
const SLOW_MS = 150;
/** Signaling events counted so far. */
let signalsCounted = 0;

describe("a call join whose connection closes while it is being checked", () => {
  let database: TestDatabase;
  let server: TestRealtimeServer;
  let ada: TPublicUser;
  let ben: TPublicUser;
  let room: TRoomSummary;
  const sockets = roomSockets(() => database.db);

  beforeAll(async () => {
    database = await createTestDatabase();
    const limits = testRateLimits();
    // Signaling counts answer slowly, as a busy Redis does.
    const rateLimits: TRateLimits = {
      consume: async (name, key) => {
        if (name !== "signaling") return limits.consume(name, key);
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        await limits.consume(name, key);
        signalsCounted++;
      },
      reset: (name, key) => limits.reset(name, key),
    };
    server = await startRealtimeServer(database.db, {}, { rateLimits });
    [ada, ben] = await seedUsers(database.db, ["Ada", "Ben"]);
    room = await seedRoom(database.db, ada, ben);
  });

  afterAll(async () => {
    sockets.disconnectAll();
    await server.close();
    await database.cleanup();
  });

  it("does not pair the other member with the browser that left", async () => {
    const [adaSocket, benSocket] = await sockets.bothOpen(server, { owner: ada, guest: ben, room });
    await benSocket.emitWithAck("call:join", { callSessionId: newCallSessionId(), media: MEDIA });
    const heard: string[] = [];
    benSocket.onAny((event: string) => heard.push(event));

    const counted = signalsCounted;
    adaSocket.emit("call:join", { callSessionId: newCallSessionId(), media: MEDIA }, () => {});
    adaSocket.disconnect();
    // Ada's join counted, its handler done, and a round trip on Ben's socket: anything it sent Ben has arrived.
    await waitFor(() => signalsCounted > counted, "Ada's join to be counted");
    await drainInFlight();
    await benSocket.emitWithAck("chat:send", { clientId: crypto.randomUUID(), body: "flush" });

    expect(heard).not.toContain("call:peer-joined");
  });
});
