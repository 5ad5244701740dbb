import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime-events";
import { roomNamespace } from "@/lib/shared/room";

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
  });
}
