import { z } from "./zod";
import { hasBidiControl, hasControlCharacterForName, isBlank } from "./user-text";

/** 16 random bytes in base64url: 22 characters, 128 bits. */
const ROOM_ID = "[A-Za-z0-9_-]{22}";
export const ROOM_ID_PATTERN = new RegExp(`^${ROOM_ID}$`);
export const ZRoomId = z.string().regex(ROOM_ID_PATTERN, "Not a room id");

export const ZRoomName = z
  .string({ error: "Name the room" })
  .trim()
  .min(1, "Name the room")
  .max(80, "Use at most 80 characters")
  .refine((name) => !hasControlCharacterForName(name), "Room names cannot contain control characters or line breaks")
  .refine((name) => !hasBidiControl(name), "Room names cannot contain text-direction control characters")
  .refine((name) => !isBlank(name), "Name the room");

export const ZCreateRoomInput = z.strictObject({ name: ZRoomName });

export type TMemberRole = "owner" | "guest";

/** A 1:1 room admits its owner and one guest. */
export const ROOM_CAPACITY = 2;

export interface TRoomMember {
  id: string;
  name: string;
  role: TMemberRole;
}

export interface TRoomSummary {
  id: string;
  name: string;
  createdAt: string;
  lastActivityAt: string;
  members: TRoomMember[];
}

export function roomPath(roomId: string): string {
  return `/rooms/${roomId}`;
}

export function roomHistoryPath(roomId: string): string {
  return `/history/${roomId}`;
}

/** The connectivity check; from a room it tests that room's relay credentials too. */
export function connectivityCheckPath(roomId: string | null): string {
  return roomId ? `/check?room=${encodeURIComponent(roomId)}` : "/check";
}

/** The Socket.IO namespace of a room. */
export function roomNamespace(roomId: string): string {
  return `/rooms/${roomId}`;
}

export const ROOM_NAMESPACE_PATTERN = new RegExp(`^/rooms/(${ROOM_ID})$`);
