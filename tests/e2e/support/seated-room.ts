import { randomBytes, randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect } from "./test";
import { apiCreateRoom, apiSignUp } from "./api-session";
import { askToJoin, goto, newPerson, signUpThroughApi } from "./people";
import { connectToRoom } from "./room-socket";

export type TRole = "anonymous" | "outsider" | "guest" | "owner";
export const ROLES: TRole[] = ["anonymous", "outsider", "guest", "owner"];

/** Which room of the seating a row asks about. */
export type TRoomKind = "full" | "free-seat";

/** A room with both seats taken and one chat message, and everyone who may or may not be in it. */
export interface TSeatedRoom {
  baseUrl: string;
  roomId: string;
  /** The guest's user id: what the owner names to remove them. */
  guestId: string;
  /** What only the room's members may learn, each unique to this room. */
  secrets: { roomName: string; message: string; ownerName: string; guestName: string };
  /** Each role's Cookie header; null for the signed-out visitor. */
  cookies: Record<TRole, string | null>;
  /**
   * A second room of the same owner whose guest seat is still free. To everyone but its owner
   * (the full room's guest included) its link is an invitation: they hold the link, not a seat.
   */
  freeSeat: { roomId: string; roomName: string };
}

/**
 * Signs the owner and the outsider up over the API, creates the rooms, and lets the guest in the
 * way a person gets in: signed in, they open the room's link in their browser and click "Join
 * this room as <name>". The outsider is a third signed-in person, so the room is full when they
 * try it.
 */
export async function seatRoom(browser: Browser, baseUrl: string): Promise<TSeatedRoom> {
  // Names are part of what outsiders must not see, so each run's are its own.
  const tag = randomBytes(4).toString("hex");
  const secrets = { roomName: `Matrix room ${tag}`, message: `matrix secret ${tag}`, ownerName: `Ottilie${tag}`, guestName: `Gudrun${tag}` };
  const [owner, outsider] = await Promise.all([apiSignUp(baseUrl, secrets.ownerName), apiSignUp(baseUrl, `Osric${tag}`)]);
  const roomId = await apiCreateRoom(baseUrl, owner.cookie, secrets.roomName);
  const freeSeat = { roomName: `Open room ${tag}`, roomId: "" };
  freeSeat.roomId = await apiCreateRoom(baseUrl, owner.cookie, freeSeat.roomName);

  const guest = await newPerson(browser, secrets.guestName, baseUrl);
  try {
    await signUpThroughApi(guest);
    await goto(guest.page, `/rooms/${roomId}`);
    await askToJoin(guest);
    await expect(guest.page.getByRole("heading", { name: secrets.roomName })).toBeVisible();
    const guestCookie = (await guest.context.cookies(baseUrl)).map(({ name, value }) => `${name}=${value}`).join("; ");

    const socket = await connectToRoom(baseUrl, roomId, owner.cookie);
    expect(await socket.emitWithAck("chat:send", { clientId: randomUUID(), body: secrets.message })).toMatchObject({ ok: true });
    socket.disconnect();
    return {
      baseUrl,
      roomId,
      guestId: await guestIdOf(baseUrl, owner.cookie, roomId),
      secrets,
      cookies: { anonymous: null, outsider: outsider.cookie, guest: guestCookie, owner: owner.cookie },
      freeSeat,
    };
  } finally {
    await guest.context.close();
  }
}

/** The seating as a row asks about it: the full room, or the owner's room whose seat is free. */
export function roomOfKind(seated: TSeatedRoom, kind: TRoomKind = "full"): TSeatedRoom {
  if (kind === "full") return seated;
  return { ...seated, roomId: seated.freeSeat.roomId, secrets: { ...seated.secrets, roomName: seated.freeSeat.roomName } };
}

async function guestIdOf(baseUrl: string, ownerCookie: string, roomId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/rooms`, { headers: { Cookie: ownerCookie } });
  const { rooms } = (await response.json()) as { rooms: Array<{ id: string; members: Array<{ id: string; role: string }> }> };
  const guest = rooms.find((room) => room.id === roomId)?.members.find((member) => member.role === "guest");
  if (!guest) throw new Error("the guest is not seated in the room");
  return guest.id;
}
