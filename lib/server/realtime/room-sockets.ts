import type { CallKeeper } from "../calls/call-keeper";
import type { TLogger } from "../logger";
import type { TRoomEvent } from "../rooms/room-events";
import { closeRoom } from "./room-session";
import { createSocketIndex } from "./socket-index";
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
  const byRoom = createSocketIndex((socket) => socket.data.roomId);

  const applyHere = (event: TRoomEvent) => {
    const { closed, updated } = event;
    for (const socket of byRoom.get(event.roomId)) {
      const ends = closed && (closed.userIds === "everyone" || closed.userIds.includes(socket.data.user.id));
      if (ends) closeRoom({ socket, namespace: socket.nsp as RoomNamespace, logger, calls }, closed.reason);
      else if (updated) socket.emit("room:updated", updated);
    }
  };

  io.on("rooms:changed", applyHere);

  return {
    track: byRoom.add,
    untrack: byRoom.delete,
    publish(event) {
      applyHere(event);
      if (clustered) io.serverSideEmit("rooms:changed", event);
    },
  };
}
