import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { REALTIME_PATH, SOCKET_MAX_PAYLOAD_BYTES } from "@/lib/shared/realtime-events";
import { createHandshakeAuth } from "./handshake-auth";
import { attachRoomNamespaces } from "./room-namespaces";
import type { RealtimeDeps, RealtimeServer } from "./types";

export interface RealtimeApp {
  io: RealtimeServer;
  registry: ReturnType<typeof attachRoomNamespaces>;
}

/** Socket.IO for Duet's rooms, on an existing HTTP server. */
export function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): RealtimeApp {
  const io: RealtimeServer = new Server(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    // A namespace per room: drop each one from memory when its last member leaves.
    cleanupEmptyChildNamespaces: true,
  });
  io.engine.use(createHandshakeAuth(deps));
  // The main namespace is not part of Duet; nobody may use it.
  io.use((_socket, next) => next(new Error("Connect to a room namespace")));
  const registry = attachRoomNamespaces(io, deps);
  return { io, registry };
}
