import * as z from "./zod";
import { ROOM_ID_PATTERN } from "./paths";
import { hasBidiControl, hasControlCharacterForName, isBlank } from "./user-text";

export const ZRoomId = z.string().check(z.regex(ROOM_ID_PATTERN, "Not a room id"));

export const ZRoomName = z.string({ error: "Name the room" }).check(
  z.trim(),
  z.minLength(1, "Name the room"),
  z.maxLength(80, "Use at most 80 characters"),
  z.refine((name) => !hasControlCharacterForName(name), "Room names cannot contain control characters or line breaks"),
  z.refine((name) => !hasBidiControl(name), "Room names cannot contain text-direction control characters"),
  z.refine((name) => !isBlank(name), "Name the room"),
);

export const ZCreateRoomInput = z.strictObject({ name: ZRoomName });
export const ZRenameRoomInput = z.strictObject({ name: ZRoomName });
/** The guest the owner means to remove: if someone else holds the seat by now, nobody is removed. */
/** A user id as Duet makes them; anything else (a NUL, say) is refused before a database sees it. */
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const ZRemoveGuestInput = z.strictObject({
  guestId: z.string({ error: "Say which guest to remove" }).check(z.regex(USER_ID_PATTERN, "Not a guest of this room")),
});

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
