import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { recordPeerConnections } from "./call-probe";

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
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
}

export async function goto(page: Page, path: string): Promise<void> {
  // A <video> holding an empty stream can hold the load event for 30 s.
  await page.goto(path, { waitUntil: "domcontentloaded" });
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
