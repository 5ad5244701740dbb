import type { TLogger } from "../logger";
import { createSocketIndex } from "./socket-index";
import type { RealtimeServer, RoomSocket } from "./types";

export interface TSessionSockets {
  /** Remembers a room connection under the sign-in session that opened it. */
  track(socket: RoomSocket): void;
  /** Forgets a closed connection. */
  untrack(socket: RoomSocket): void;
  /** Closes every connection of these sessions, on every node, telling each browser why. */
  endSessions(sessionIds: string[]): void;
}

/**
 * The handshake refuses an ended session, but a connection opened before it ended would live
 * on; this closes those. Each node knows only its own sockets, so the ids travel to the others
 * with serverSideEmit (only a cluster adapter carries that; a single node has nobody to tell).
 */
export function createSessionSockets(io: RealtimeServer, { clustered, logger }: { clustered: boolean; logger: TLogger }): TSessionSockets {
  const bySession = createSocketIndex((socket) => socket.data.authSessionId);

  const closeHere = (sessionIds: string[]) => {
    for (const sessionId of sessionIds) {
      const sockets = bySession.get(sessionId);
      if (sockets.length === 0) continue;
      for (const socket of sockets) {
        socket.emit("session:ended");
        socket.disconnect(true);
      }
      logger.debug({ sockets: sockets.length }, "closed the room connections of an ended sign-in session");
    }
  };

  io.on("auth:sessions-ended", closeHere);

  return {
    track: bySession.add,
    untrack: bySession.delete,
    endSessions(sessionIds) {
      if (sessionIds.length === 0) return;
      closeHere(sessionIds);
      if (clustered) io.serverSideEmit("auth:sessions-ended", sessionIds);
    },
  };
}
