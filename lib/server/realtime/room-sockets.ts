import type { CallKeeper } from "../calls/call-keeper";
import type { TLogger } from "../logger";
import type { TRoomEvent } from "../rooms/room-events";
import { closeRoom } from "./room-session";
import type { RealtimeServer, RoomNamespace, RoomSocket } from "./types";

export interface TRoomSockets {
  /** Remembers a connection under its room. */
  track(socket: RoomSocket): void;
  /** Forgets a closed connection. */
  untrack(socket: RoomSocket): void;
  /** Applies a room's change to its connections on every node: closes those it ends, updates the rest. */
  publish(event: TRoomEvent): void;
}

/**
 * The rooms' own connections, by room id. Each node knows only its own, so an event travels to
 * the others with serverSideEmit (only a cluster adapter carries that), as session-sockets does.
 * (A room's namespace object exists only on nodes with a connection in it, and `io.of(name)`
 * would create one outside the room middleware, so the event can't simply be emitted to it.)
 */
export function createRoomSockets(
  io: RealtimeServer,
  { clustered, logger, calls }: { clustered: boolean; logger: TLogger; calls: CallKeeper },
): TRoomSockets {
  const byRoom = new Map<string, Set<RoomSocket>>();

  const applyHere = (event: TRoomEvent) => {
    const sockets = byRoom.get(event.roomId);
    if (!sockets) return;
    const { closed, updated } = event;
    for (const socket of [...sockets]) {
      const ends = closed && (closed.userIds === "everyone" || closed.userIds.includes(socket.data.user.id));
      if (ends) closeRoom({ socket, namespace: socket.nsp as RoomNamespace, logger, calls }, closed.reason);
      else if (updated) socket.emit("room:updated", updated);
    }
  };

  io.on("rooms:changed", applyHere);

  return {
    track(socket) {
      const { roomId } = socket.data;
      const sockets = byRoom.get(roomId) ?? new Set();
      byRoom.set(roomId, sockets.add(socket));
    },
    untrack(socket) {
      const { roomId } = socket.data;
      const sockets = byRoom.get(roomId);
      if (sockets?.delete(socket) && sockets.size === 0) byRoom.delete(roomId);
    },
    publish(event) {
      applyHere(event);
      if (clustered) io.serverSideEmit("rooms:changed", event);
    },
  };
}
