import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import { REALTIME_PATH, SOCKET_MAX_PAYLOAD_BYTES } from "@/lib/shared/realtime-events";
import { CallKeeper, type CallKeeperOptions } from "../calls/call-keeper";
import { createHandshakeAuth, type EngineMiddleware } from "./handshake-auth";
import { attachRoomNamespaces } from "./room-namespaces";
import { createRoomSockets, type TRoomSockets } from "./room-sockets";
import { createSessionSockets, type TSessionSockets } from "./session-sockets";
import type { RealtimeDeps, RealtimeServer } from "./types";

export interface RealtimeOptions {
  /** Several nodes: a cluster adapter (createRoomsRedisAdapter) so rooms span them. */
  adapter?: ServerOptions["adapter"];
  /** How often call records are refreshed and swept (tests shorten these). */
  calls?: Pick<CallKeeperOptions, "heartbeatMs" | "staleAfterMs">;
  /** The app's security headers for a request: Socket.IO answers its requests itself, refusals included. */
  securityHeaders?: (req: IncomingMessage) => Record<string, string>;
}

export interface TRealtime {
  io: RealtimeServer;
  /** Closes the room connections of ended sign-in sessions, on every node. */
  sessionSockets: TSessionSockets;
  /** Closes or updates the connections of rooms that changed (removed guest, deleted room…), on every node. */
  roomSockets: TRoomSockets;
  /** Tells every member connected to this node that it is stopping, so they reconnect elsewhere. */
  announceShutdown(): void;
}

/** Socket.IO for Duet's rooms, on an existing HTTP server. */
export function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps, options: RealtimeOptions = {}): TRealtime {
  const io: RealtimeServer = new Server(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    // A namespace per room: drop each one (and its adapter's subscriptions) when its last member leaves.
    cleanupEmptyChildNamespaces: true,
    ...(options.adapter && { adapter: options.adapter }),
  });
  const { securityHeaders } = options;
  // First, so that a refused handshake carries them too; a WebSocket upgrade keeps them for its 101.
  if (securityHeaders) io.engine.use(withHeaders(securityHeaders));
  io.engine.use(createHandshakeAuth(deps));
  // The main namespace is not part of Duet; nobody may use it.
  io.use((_socket, next) => next(new Error("Connect to a room namespace")));
  const clustered = options.adapter !== undefined;
  const sessionSockets = createSessionSockets(io, { clustered, logger: deps.logger });
  // Starting sweeps away the calls a node that died left open; closing the server stops the heartbeat.
  const calls = new CallKeeper({ db: deps.db, logger: deps.logger, ...options.calls });
  calls.start();
  httpServer.once("close", () => calls.stop());
  // Closing a removed guest's or a deleted room's connections ends their calls too.
  const roomSockets = createRoomSockets(io, { clustered, logger: deps.logger, calls });
  const rooms = attachRoomNamespaces(io, deps, { sessionSockets, roomSockets }, calls);
  return {
    io,
    sessionSockets,
    roomSockets,
    announceShutdown: () => {
      // `local`: only this node's members; the other nodes' keep their connections.
      rooms.local.emit("server:shutdown");
      // Ends this node's calls (a shutdown drains the write); browsers that resume elsewhere reopen them.
      calls.shutDown();
    },
  };
}

function withHeaders(headersFor: (req: IncomingMessage) => Record<string, string>): EngineMiddleware {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(headersFor(req))) res.setHeader(name, value);
    next();
  };
}
