import { peerOf, presenceOf, type TConnection } from "./room-registry";
import type { RoomNamespace } from "./types";

/** Socket.IO room of the connections in the call (at most one per member). */
export const CALL_CHANNEL = "call";

/** Every connection of the room, on every node (through the adapter). */
export async function roomConnections(namespace: RoomNamespace, channel?: string): Promise<TConnection[]> {
  const sockets = await (channel ? namespace.in(channel) : namespace).fetchSockets();
  return sockets.map(({ id, data }) => ({ id, data }));
}

export async function broadcastPresence(namespace: RoomNamespace): Promise<void> {
  namespace.emit("presence:update", presenceOf(await roomConnections(namespace)));
}

export async function callPeer(namespace: RoomNamespace, userId: string) {
  return peerOf(await roomConnections(namespace, CALL_CHANNEL), userId);
}
