import { randomBytes, randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect } from "./test";
import { apiCreateRoom, apiSignUp } from "./api-session";
import { goto, newPerson, signUpThroughApi } from "./people";
import { connectToRoom } from "./room-socket";

export type TRole = "anonymous" | "outsider" | "guest" | "owner";
export const ROLES: TRole[] = ["anonymous", "outsider", "guest", "owner"];

/** A room with both seats taken and one chat message, and everyone who may or may not be in it. */
export interface TSeatedRoom {
  baseUrl: string;
  roomId: string;
  /** What only the room's members may learn, each unique to this room. */
  secrets: { roomName: string; message: string; ownerName: string; guestName: string };
  /** Each role's Cookie header; null for the signed-out visitor. */
  cookies: Record<TRole, string | null>;
}

/**
 * Signs the owner and the outsider up over the API, creates the room, and lets the guest in the
 * way a person gets in: signed in, they open the room's link in their browser. The outsider is a
 * third signed-in person, so the room is full when they try it (a free seat would take them in).
 */
export async function seatRoom(browser: Browser, baseUrl: string): Promise<TSeatedRoom> {
  // Names are part of what outsiders must not see, so each run's are its own.
  const tag = randomBytes(4).toString("hex");
  const secrets = { roomName: `Matrix room ${tag}`, message: `matrix secret ${tag}`, ownerName: `Ottilie${tag}`, guestName: `Gudrun${tag}` };
  const [owner, outsider] = await Promise.all([apiSignUp(baseUrl, secrets.ownerName), apiSignUp(baseUrl, `Osric${tag}`)]);
  const roomId = await apiCreateRoom(baseUrl, owner.cookie, secrets.roomName);

  const guest = await newPerson(browser, secrets.guestName, baseUrl);
  try {
    await signUpThroughApi(guest);
    await goto(guest.page, `/rooms/${roomId}`);
    await expect(guest.page.getByRole("heading", { name: secrets.roomName })).toBeVisible();
    const guestCookie = (await guest.context.cookies(baseUrl)).map(({ name, value }) => `${name}=${value}`).join("; ");

    const socket = await connectToRoom(baseUrl, roomId, owner.cookie);
    expect(await socket.emitWithAck("chat:send", { clientId: randomUUID(), body: secrets.message })).toMatchObject({ ok: true });
    socket.disconnect();
    return { baseUrl, roomId, secrets, cookies: { anonymous: null, outsider: outsider.cookie, guest: guestCookie, owner: owner.cookie } };
  } finally {
    await guest.context.close();
  }
}
