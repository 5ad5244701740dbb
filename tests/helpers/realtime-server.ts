import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { parseEnv } from "@/lib/server/env/env-schema";
import { createLogger } from "@/lib/server/logger";
import { createRateLimits } from "@/lib/server/rate-limits/create-rate-limits";
import { limitConfigsFromEnv } from "@/lib/server/rate-limits/limit-names";
import { createRealtimeServer, type RealtimeOptions } from "@/lib/server/realtime/create-realtime-server";
import type { RealtimeDeps, RealtimeServer } from "@/lib/server/realtime/types";
import type { TDbClient } from "@/lib/server/db/create-db-client";
import type { TRoomEvent } from "@/lib/server/rooms/room-events";
import { REALTIME_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime-events";
import { roomNamespace } from "@/lib/shared/paths";
import { TEST_AUTH_SECRET } from "./seed";

export const TEST_SITE_URL = "http://duet.test";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestClientOptions {
  cookie?: string;
  /** The Origin header; null sends none (as a same-origin long-polling GET). */
  origin?: string | null;
  namespace?: string;
  /** Default websocket only. */
  transport?: "websocket" | "polling";
  /** More request headers, e.g. what a proxy adds. */
  headers?: Record<string, string>;
}

/** How the handshake checks where a request comes from, and the limits (server.ts derives these from the env). */
export type TestSiteOptions = Partial<Pick<RealtimeDeps, "siteUrl" | "originPolicy" | "trustProxy" | "rateLimits">>;

/** In-memory limits as a default environment sets them; `overrides` are env values such as { RATE_LIMIT_CHAT: "2/10s" }. */
export function testRateLimits(overrides: Record<string, string> = {}) {
  return createRateLimits({ limits: limitConfigsFromEnv(parseEnv(overrides)) });
}

export interface TestRealtimeServer {
  io: RealtimeServer;
  /** What server.ts installs for route handlers: close the connections of ended sign-in sessions. */
  endSessions(sessionIds: string[]): void;
  /** What server.ts installs for route handlers: carry a room's change to its open connections. */
  publishRoomEvent(event: TRoomEvent): void;
  url: string;
  /** Room namespaces open on this node. */
  openRooms(): number;
  /** A client of a room namespace; it does not connect until asked. */
  client(roomId: string, options?: TestClientOptions): TestClient;
  close(): Promise<void>;
}

/** The real realtime server on an ephemeral port, as server.ts wires it (without Next). */
export async function startRealtimeServer(db: TDbClient, options: RealtimeOptions = {}, site: TestSiteOptions = {}): Promise<TestRealtimeServer> {
  const httpServer = createServer();
  const deps = { db, logger: createLogger("silent"), authSecret: TEST_AUTH_SECRET, siteUrl: TEST_SITE_URL, rateLimits: testRateLimits(), ...site };
  const { io, sessionSockets, roomSockets } = createRealtimeServer(httpServer, deps, options);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];
  return {
    io,
    endSessions: (sessionIds) => sessionSockets.endSessions(sessionIds),
    publishRoomEvent: (event) => roomSockets.publish(event),
    url,
    openRooms: () => [...io._nsps.keys()].filter((name) => name.startsWith("/rooms/")).length,
    client(roomId, { cookie, origin = TEST_SITE_URL, namespace, transport = "websocket", headers: extra = {} } = {}) {
      const headers: Record<string, string> = { ...extra };
      if (cookie) headers.cookie = cookie;
      if (origin) headers.origin = origin;
      const socket: TestClient = connect(`${url}${namespace ?? roomNamespace(roomId)}`, {
        path: REALTIME_PATH,
        transports: [transport],
        extraHeaders: headers,
        autoConnect: false,
        reconnection: false,
        forceNew: true,
      });
      clients.push(socket);
      return socket;
    },
    async close() {
      clients.forEach((socket) => socket.disconnect());
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // engine.io-client handles a refused or aborted long-polling request in a setTimeout(0)
      // and may then send one more request; let that run while the test environment still
      // exists, or Jest reports a require after teardown (and fails the run).
      await new Promise<void>((resolve) => setTimeout(resolve, 100));
    },
  };
}

/** Connects and resolves once admitted; rejects with the server's refusal. */
export function connected(socket: TestClient): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
    socket.connect();
  });
}

/** The refusal a client gets when it tries to connect. */
export function refusal(socket: TestClient): Promise<Error> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("the server admitted a client it should have refused")));
    socket.once("connect_error", resolve);
    socket.connect();
  });
}

/** The next `event` this client receives. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: TestClient, event: E): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => resolve(payload)) as never);
  });
}

/** A browser's call session id, as the client makes one when someone clicks Join. */
export function newCallSessionId(): string {
  return randomUUID().replaceAll("-", "");
}

type TAnyEmit = (event: string | number, ...args: unknown[]) => void;

/**
 * This client's emit without the contract's types: what a client other than Duet's pages can
 * send (any event name, any arguments). With `timeoutMs`, an ack callback gets `(error, reply)`.
 */
export function emitOutsideContract(socket: TestClient, timeoutMs?: number): TAnyEmit {
  if (timeoutMs === undefined) return socket.emit.bind(socket) as TAnyEmit;
  const timed = socket.timeout(timeoutMs);
  return timed.emit.bind(timed) as unknown as TAnyEmit;
}

/** emitWithAck without the contract's types; rejects when no ack comes within `timeoutMs`. */
export function emitWithAckOutsideContract(socket: TestClient, timeoutMs: number): (event: string, ...args: unknown[]) => Promise<unknown> {
  const timed = socket.timeout(timeoutMs);
  return timed.emitWithAck.bind(timed) as unknown as (event: string, ...args: unknown[]) => Promise<unknown>;
}
