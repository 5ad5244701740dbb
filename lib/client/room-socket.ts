import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH, roomNamespace } from "@/lib/shared/paths";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime-events";

export type TRoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the room's namespace; the session cookie authenticates the handshake. */
export function connectRoomSocket(roomId: string): TRoomSocket {
  return io(roomNamespace(roomId), {
    path: REALTIME_PATH,
    withCredentials: true,
    transports: ["websocket", "polling"],
    // Behind a proxy that drops WebSocket upgrades, fall back to long-polling instead of
    // retrying the WebSocket forever.
    tryAllTransports: true,
    // Back within ~3 s of the server (Socket.IO's default waits up to 5 s): the call and the
    // chat outbox resume as soon as signaling does. Jittered, so a restarted node isn't stampeded.
    reconnectionDelayMax: 3_000,
  });
}
