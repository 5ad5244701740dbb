import type { TAccessRequest, TAnswer } from "./access-probe";
import type { TRole, TRoomKind, TSeatedRoom } from "./seated-room";

/** What one role gets from one row of the access matrix. */
export interface TCell {
  /** The HTTP status, or for the room namespace: "connected", the handshake's status, or "refused". */
  status: TAnswer["status"];
  /** The answer hands over what the row guards (see TAccessRow.handsOut). */
  handsOut: boolean;
  /** A redirect: to sign-in with this very request as the way back, or to this path. */
  redirect?: "sign-in" | string;
  /** How the test output names the cell, when the status alone would not say it. */
  label?: string;
}

export interface TAccessRow {
  /** The resource and the action, as the test output names them. */
  name: string;
  request: TAccessRequest;
  /**
   * Recognises, in an answer, what this row guards. Default: anything of the room a non-member
   * must not learn (its name, its chat, its members' names other than the asker's own).
   */
  handsOut?: (answer: TAnswer, room: TSeatedRoom, role: TRole) => boolean;
  expect: Record<TRole, TCell>;
  /** The request changes the room (rename, delete, remove the guest): each cell gets a freshly seated room. */
  changesRoom?: boolean;
  /**
   * "free-seat": asked about the owner's room whose guest seat is free, where everyone but the
   * owner holds only the link. Default "full": the room with both seats taken.
   */
  room?: TRoomKind;
}

export const GRANTED: TCell = { status: 200, handsOut: true };
export const CREATED: TCell = { status: 201, handsOut: true };
/** A member asking for what only the other member may do: they know the room, but may not. */
export const FORBIDDEN: TCell = { status: 403, handsOut: false };
/** A link holder, while the seat is free: the room's and its owner's names, and a Join button. */
export const INVITED: TCell = { status: 200, handsOut: true, label: "200, an invitation naming the room and its owner" };
/** A link holder asked to join while the seat was free, and took it. */
export const SEATED: TCell = { status: 201, handsOut: true, label: "201, takes the free seat" };
/** Answered, but with nothing of what the row guards (someone else's room list, the public pages). */
export const NOTHING: TCell = { status: 200, handsOut: false };
export const SIGN_IN: TCell = { status: 307, handsOut: false, redirect: "sign-in" };
export const HOME: TCell = { status: 307, handsOut: false, redirect: "/" };
export const UNAUTHENTICATED: TCell = { status: 401, handsOut: false };
/** The one refusal for a room that is absent or not the asker's: pages and APIs alike. */
export const UNAVAILABLE: TCell = { status: 404, handsOut: false };
export const CONNECTED: TCell = { status: "connected", handsOut: true };
export const HANDSHAKE_REFUSED: TCell = { status: 401, handsOut: false, label: "refused at the handshake (401)" };
export const NAMESPACE_REFUSED: TCell = { status: "refused", handsOut: false };

export function mentionsRoom({ body }: TAnswer, { secrets }: TSeatedRoom, role: TRole): boolean {
  const others = [role !== "owner" && secrets.ownerName, role !== "guest" && secrets.guestName].filter((name): name is string => !!name);
  return [secrets.roomName, secrets.message, ...others].some((secret) => body.includes(secret));
}

/** The cell as the test output reads it. */
export function describeCell(cell: TCell): string {
  if (cell.label) return cell.label;
  if (cell.status === "connected") return "connects";
  if (cell.status === "refused") return "refused by the namespace";
  if (cell.redirect === "sign-in") return "307 to sign-in, with the way back";
  if (cell.redirect) return `307 to ${cell.redirect}`;
  return `${cell.status}${cell.status < 300 ? (cell.handsOut ? ", handed out" : ", nothing of the room") : ""}`;
}
