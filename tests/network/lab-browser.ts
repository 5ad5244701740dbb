import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv } from "../support/chromium";
import { recordPeerConnections } from "./lab-probe";

const PASSWORD = "a long enough password";

/**
 * Chromium inside a client namespace: playwright-core launches a wrapper that enters the
 * namespace and execs the real binary, so every socket the browser opens is the client's.
 * `origins`: the lab serves plain http on non-loopback addresses, which is not a secure
 * context (no getUserMedia) unless Chromium is told to treat those origins as secure.
 */
export async function launchBrowserIn(ns: string, dir: string, origins: string[]): Promise<Browser> {
  const home = path.join(dir, `home-${ns}`);
  mkdirSync(home, { recursive: true });
  const wrapper = path.join(dir, `chromium-${ns}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return chromium.launch({
    executablePath: wrapper,
    env: chromiumEnv(home),
    // Lab addresses are not loopback, so no ALLOW_LOOPBACK_PEERS_ARG.
    args: [...CHROMIUM_ARGS, `--unsafely-treat-insecure-origin-as-secure=${origins.join(",")}`],
  });
}

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

let counter = 0;

/** A person with their own profile (context) in `browser`, signed up and in through Duet's API. */
export async function signedInPerson(browser: Browser, name: string, baseUrl: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl, permissions: ["camera", "microphone"] });
  await recordPeerConnections(context);
  const page = await context.newPage();
  // A page of the origin, so the cookies land in this browser. A page, not an API route: an API
  // response's own CSP (default-src 'none') forbids fetches from its document.
  await goto(page, "/signin");
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${counter}@example.test`;
  const failure = await page.evaluate(
    async ({ name, email, password }) => {
      const created = await fetch("/api/users", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name, email, password }),
      });
      if (created.status !== 201) return `sign-up: ${created.status} ${await created.text()}`;
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const signedIn = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
      });
      return signedIn.ok ? null : `sign-in: ${signedIn.status}`;
    },
    { name, email, password: PASSWORD },
  );
  if (failure) throw new Error(`${name} could not sign up and in: ${failure}`);
  return { name, context, page };
}

export async function createRoom(owner: Person, name: string): Promise<string> {
  const result = await owner.page.evaluate(async (roomName) => {
    const response = await fetch("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: roomName }),
    });
    return response.status === 201
      ? { id: ((await response.json()) as { room: { id: string } }).room.id }
      : { error: `${response.status} ${await response.text()}` };
  }, name);
  if ("error" in result) throw new Error(`room creation failed: ${result.error}`);
  return result.id;
}

/**
 * Brings a person into a room until its call controls are usable: the owner opens the link; the
 * guest opens it and asks to join on the invitation it shows (opening a link takes no seat).
 */
export async function enterRoom(person: Person, roomId: string, as: "owner" | "guest"): Promise<void> {
  await goto(person.page, `/rooms/${roomId}`);
  if (as === "guest") await person.page.getByRole("button", { name: `Join this room as ${person.name}` }).click({ timeout: 20_000 });
  await person.page.getByRole("button", { name: "Join call" }).waitFor({ state: "visible", timeout: 20_000 });
}

export async function joinCall(person: Person): Promise<void> {
  await person.page.getByRole("button", { name: "Join call" }).click({ timeout: 20_000 });
}

/** Waits until the call status line contains `text`; returns what it said last either way. */
export async function callStatusContaining(person: Person, text: string, timeoutMs: number): Promise<{ seen: boolean; status: string }> {
  const status = person.page.getByTestId("call-status");
  const seen = await status
    .filter({ hasText: text })
    .waitFor({ timeout: timeoutMs })
    .then(
      () => true,
      () => false,
    );
  return { seen, status: await callStatus(person) };
}

/** What the call status line says right now. */
export async function callStatus(person: Person): Promise<string> {
  return (
    (await person.page
      .getByTestId("call-status")
      .textContent({ timeout: 1_000 })
      .catch(() => "")) ?? ""
  ).trim();
}

/** Types a chat message and presses Enter, as a person does; does not wait for the server. */
export async function typeChat(person: Person, text: string): Promise<void> {
  const box = person.page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

export function goto(page: Page, url: string) {
  // A <video> holding an empty stream can hold the load event for 30 s.
  return page.goto(url, { waitUntil: "domcontentloaded" });
}
