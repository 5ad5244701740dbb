import * as z from "./zod";
import { ZRoomId } from "./room";

/**
 * GET /api/turn?room=<roomId>: credentials only for a call in a room the user is a member
 * of, so every new account does not mint its own share of the relay's quota.
 */
export const ZTurnQuery = z.object({
  room: z.pipe(z.string({ error: "Say which room the call is in" }), ZRoomId),
});

/** The reply of GET /api/turn. */
export interface TIceConfig {
  iceServers: RTCIceServerInit[];
  ttlSeconds: number;
}

/** RTCIceServer without the DOM lib, so the server can build it too. */
export interface RTCIceServerInit {
  urls: string | string[];
  username?: string;
  credential?: string;
}
