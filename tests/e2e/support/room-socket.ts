import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH } from "../../../lib/shared/realtime-events";

/**
 * A room-namespace client with a given person's cookies, as a browser of theirs would connect.
 * `forceNew`: socket.io-client otherwise reuses one connection per origin, with the headers
 * (the cookie, so the identity) of whoever connected first.
 */
export function roomSocket(baseUrl: string, roomId: string, cookie: string): Socket {
  return io(`${baseUrl}/rooms/${roomId}`, {
    path: REALTIME_PATH,
    transports: ["websocket"],
    extraHeaders: { cookie, origin: new URL(baseUrl).origin },
    reconnection: false,
    forceNew: true,
  });
}

/** Connects; resolves once admitted, rejects with the server's refusal. */
export function connectToRoom(baseUrl: string, roomId: string, cookie: string): Promise<Socket> {
  const socket = roomSocket(baseUrl, roomId, cookie);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}
