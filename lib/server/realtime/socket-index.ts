import type { RoomSocket } from "./types";

export interface TSocketIndex {
  add(socket: RoomSocket): void;
  delete(socket: RoomSocket): void;
  /** A copy: closing a connection removes it from the index while the caller goes through them. */
  get(key: string): RoomSocket[];
}

/** This node's room connections grouped by one key of each (its room, its sign-in session); an emptied group is dropped. */
export function createSocketIndex(keyOf: (socket: RoomSocket) => string): TSocketIndex {
  const byKey = new Map<string, Set<RoomSocket>>();
  return {
    add(socket) {
      const key = keyOf(socket);
      const sockets = byKey.get(key) ?? new Set();
      byKey.set(key, sockets.add(socket));
    },
    delete(socket) {
      const key = keyOf(socket);
      const sockets = byKey.get(key);
      if (sockets?.delete(socket) && sockets.size === 0) byKey.delete(key);
    },
    get(key) {
      const sockets = byKey.get(key);
      return sockets ? [...sockets] : [];
    },
  };
}
