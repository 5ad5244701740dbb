import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { recordPeerConnections } from "./call-probe";
import { guardAgainstCspViolations } from "./csp-guard";

export interface Person {
  name: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
}

let counter = 0;

/** A person with their own browser profile (context): their own cookies, camera and microphone. */
export async function newPerson(browser: Browser, name: string, baseURL = process.env.DUET_E2E_URL): Promise<Person> {
  counter += 1;
  const context = await browser.newContext({ baseURL });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page);
  return { name, email: `${name.toLowerCase()}-${Date.now()}-${counter}@example.test`, password: "a long enough password", context, page };
}

/** Fills in the sign-up form the way a person does. */
export async function signUpThroughForm(person: Person): Promise<void> {
  const { page } = person;
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Signs up and in through the HTTP API (seeding, not the behaviour under test). */
export async function signUpThroughApi(person: Person): Promise<void> {
  const { request } = person.context;
  const created = await request.post("/api/users", { data: { name: person.name, email: person.email, password: person.password } });
  expect(created.status()).toBe(201);
  await signInThroughApi(person);
}

/** Signs an existing person in over HTTP, in this person's browser profile (another device of theirs, say). */
export async function signInThroughApi(person: Person): Promise<void> {
  const { request } = person.context;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
}

/** Opens a page and waits until it responds to clicks and typing (see HydrationMark), as a person would. */
export async function goto(page: Page, path: string): Promise<void> {
  // A <video> holding an empty stream can hold the load event for 30 s.
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Types a chat message, sends it with Enter, and waits until the server has stored it. */
export async function sendChat(person: Person, text: string): Promise<void> {
  await person.page.getByRole("textbox", { name: "Message" }).fill(text);
  await person.page.getByRole("textbox", { name: "Message" }).press("Enter");
  await expect(lastMessage(person)).toHaveAttribute("data-status", "sent");
}

export function lastMessage(person: Person) {
  return person.page.getByTestId("chat-message").last();
}

/** Names and creates a room from the dashboard, as a host does; returns the room's shareable link. */
export async function createRoomThroughForm(host: Person, name: string): Promise<string> {
  await host.page.getByLabel("Room name").fill(name);
  await host.page.getByRole("button", { name: "Create room" }).click();
  await expect(host.page.getByRole("heading", { name })).toBeVisible();
  return host.page.getByLabel("Room link").inputValue();
}

/** Creates a room over the HTTP API as `owner` (seeding, not the behaviour under test); returns its id. */
export async function createRoomThroughApi(owner: Person, name: string): Promise<string> {
  const response = await owner.context.request.post("/api/rooms", { data: { name } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { room: { id: string } }).room.id;
}

/** Takes a room's free guest seat over the HTTP API, as "Join this room" does (seeding, not the behaviour under test). */
export async function joinRoomThroughApi(guest: Person, roomId: string): Promise<void> {
  const response = await guest.context.request.put(`/api/rooms/${roomId}/membership`);
  expect(response.status()).toBe(201);
}

/**
 * A guest opens the link signed out, is sent to sign in, signs up instead, lands back on the
 * link, and asks to join.
 */
export async function joinByLinkAsNewUser(guest: Person, link: string): Promise<void> {
  await goto(guest.page, link);
  await expect(guest.page).toHaveURL(/\/signin\?callbackUrl=/);
  await guest.page.getByRole("link", { name: "Create an account" }).click();
  await signUpThroughForm(guest);
  await expect(guest.page).toHaveURL(link);
  await askToJoin(guest);
}

/** On a room's invitation (its link, opened while the guest seat is free): "Join this room as <name>", then the room opens. */
export async function askToJoin(guest: Person): Promise<void> {
  await guest.page.getByRole("button", { name: `Join this room as ${guest.name}` }).click();
  await expect(guest.page.getByRole("button", { name: "Join call" })).toBeVisible();
}

/** A signed-in guest's first visit: opens the room's link and asks to join, as a person does. */
export async function joinRoomByLink(guest: Person, link: string): Promise<void> {
  await goto(guest.page, link);
  await askToJoin(guest);
}
