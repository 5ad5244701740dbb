/**
 * Where rooms live: their ids, page paths and realtime namespace, and the realtime endpoint.
 * Kept free of schemas, so browser code that only builds a link or opens a socket does not
 * load zod with its page.
 */

/** 16 random bytes in base64url: 22 characters, 128 bits. */
const ROOM_ID = "[A-Za-z0-9_-]{22}";
export const ROOM_ID_PATTERN = new RegExp(`^${ROOM_ID}$`);

export function roomPath(roomId: string): string {
  return `/rooms/${roomId}`;
}

export function roomHistoryPath(roomId: string): string {
  return `/history/${roomId}`;
}

/**
 * A room's API: the room itself (rename, delete), `membership` (the asker's own seat: PUT takes
 * the free one, DELETE leaves), `guest` (the owner removes the guest), `read` (mark as read).
 */
export function roomApiPath(roomId: string, part?: "membership" | "guest" | "read"): string {
  const base = `/api/rooms/${encodeURIComponent(roomId)}`;
  return part ? `${base}/${part}` : base;
}

/** The connectivity check; from a room it tests that room's relay credentials too. */
export function connectivityCheckPath(roomId: string | null): string {
  return roomId ? `/check?room=${encodeURIComponent(roomId)}` : "/check";
}

/** GET /api/turn?room=<roomId>: relay credentials for a call in that room (members only). */
export function turnCredentialsPath(roomId: string): string {
  return `/api/turn?room=${encodeURIComponent(roomId)}`;
}

/** The Socket.IO namespace of a room. */
export function roomNamespace(roomId: string): string {
  return `/rooms/${roomId}`;
}

export const ROOM_NAMESPACE_PATTERN = new RegExp(`^/rooms/(${ROOM_ID})$`);

export const REALTIME_PATH = "/socket.io";
