import type { TCallPeer, TCallSessionId, TMediaState, TPresence } from "@/lib/shared/realtime-events";
import type { TPublicUser } from "@/lib/shared/user";

/**
 * What a room's connection carries in `socket.data`. Socket.IO's adapter can read it from
 * every node (fetchSockets), so the room's state lives with its connections and needs no
 * store of its own: a node that dies takes its connections' state with it.
 */
export interface TAttendee {
  user: TPublicUser;
  roomId: string;
  /** The browser's call session while this connection is in the call; null when it is not. */
  callSessionId: TCallSessionId | null;
  media: TMediaState;
}

export interface TConnection {
  id: string;
  data: TAttendee;
}

/** Members with the room open, once each (their newest connection), and whether each is in the call. */
export function presenceOf(connections: TConnection[]): TPresence {
  const byUser = new Map<string, TConnection>();
  for (const connection of connections) {
    const seen = byUser.get(connection.data.user.id);
    if (!seen || (isInCall(connection) && !isInCall(seen))) byUser.set(connection.data.user.id, connection);
  }
  return { members: [...byUser.values()].map((connection) => ({ user: connection.data.user, inCall: isInCall(connection) })) };
}

/** The other member's connection in the call, if any: the only one signaling may reach. */
export function peerConnectionOf(connections: TConnection[], userId: string): TConnection | null {
  return connections.find((connection) => isInCall(connection) && connection.data.user.id !== userId) ?? null;
}

/** The other member in the call, as this member's browser knows them. */
export function callPeerOf(connections: TConnection[], userId: string): TCallPeer | null {
  const peer = peerConnectionOf(connections, userId);
  if (!peer?.data.callSessionId) return null;
  return { user: peer.data.user, media: peer.data.media, callSessionId: peer.data.callSessionId };
}

function isInCall(connection: TConnection): boolean {
  return connection.data.callSessionId !== null;
}

/**
 * Who makes the first offer once both are in the call. Deterministic, so the two sides
 * never both offer (start-up glare wedges Chromium's ICE gathering), even when they join at
 * the same moment on different nodes and each learns of the other at once.
 */
export function isInitiator(userId: string, peerUserId: string): boolean {
  return userId < peerUserId;
}
