/**
 * Child process: the baseline. A bare Socket.IO server shaped like Duet's (same path, frame
 * limit, a namespace per room from the same kind of function matcher, empty namespaces cleaned
 * up) that relays signaling to the other sockets of the namespace, with no authentication,
 * database, validation or limits.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveRequests } from "./child";
// Duet's values from its schema-free modules: the baseline carries nothing (no zod) that Duet's relay does not need.
import { SOCKET_MAX_PAYLOAD_BYTES } from "../../../lib/shared/input-limits";
import { REALTIME_PATH, ROOM_NAMESPACE_PATTERN } from "../../../lib/shared/paths";
import type { TServerCounts } from "./duet-server";

const httpServer = createServer();
const io = new Server(httpServer, {
  path: REALTIME_PATH,
  serveClient: false,
  maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
  cleanupEmptyChildNamespaces: true,
});
const rooms = io.of((name, _auth, next) => next(null, ROOM_NAMESPACE_PATTERN.test(name)));
// Nothing per socket beyond the relay itself: this is the baseline Duet's growth is compared with.
rooms.on("connection", (socket) => {
  // Duet acks call:join; the bare relay has no calls, but the load clients ask the same way.
  socket.on("call:join", (_payload: unknown, ack: unknown) => typeof ack === "function" && ack({ ok: true, data: { pairing: null } }));
  socket.on("signal:candidate", (payload: unknown) => socket.broadcast.emit("signal:candidate", payload));
});

serveRequests({
  async start() {
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
  },
  /** CPU time this process has used (µs), to cost what it relays. */
  cpu: () => process.cpuUsage(),
  counts: (): TServerCounts => ({ connections: io.engine.clientsCount, rooms: null }),
  async stop() {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  },
});
