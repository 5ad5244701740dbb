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
export const ZRenameRoomInput = z.strictObject({ name: ZRoomName });
/** The guest the owner means to remove: if someone else holds the seat by now, nobody is removed. */
export const ZRemoveGuestInput = z.strictObject({ guestId: z.string({ error: "Say which guest to remove" }).min(1).max(64) });

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

/** A room as its member's home page lists it. */
export interface TMyRoom extends TRoomSummary {
  myRole: TMemberRole;
  messageCount: number;
  /** The other member's messages since this member last had the room or its history on screen. */
  unreadCount: number;
}

/**
 * What a room's link shows a signed-in person who is not in the room while its guest seat is
 * free: the link is the capability to ask to join, so its holder may see whose room it is.
 */
export interface TRoomInvitation {
  roomId: string;
  roomName: string;
  ownerName: string;
}

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

/** The Socket.IO namespace of a room. */
export function roomNamespace(roomId: string): string {
  return `/rooms/${roomId}`;
}

export const ROOM_NAMESPACE_PATTERN = new RegExp(`^/rooms/(${ROOM_ID})$`);
