import type { Browser } from "@playwright/test";
import { expect, test } from "../support/test";
import { startDuet, type DuetProcess } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { createRoomThroughApi, goto, joinRoomByLink, newPerson, signUpThroughApi, type Person } from "../support/people";

// A Duet of this file's own: these tests kill it and start it again. A restart and a fresh
// page load each cost seconds on a busy 2-core machine (20+ s seen with parallel builds).
let duet: DuetProcess;
const AFTER_RESTART_MS = 60_000;
test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  duet = await startDuet({ port: await freePort() });
});

test.afterAll(async () => {
  await duet?.stop();
});

/** Ada and Ben, both signed in with the room open and connected. */
async function twoInARoom(browser: Browser, roomName: string): Promise<{ ada: Person; ben: Person; roomId: string }> {
  const ada = await newPerson(browser, "Ada", duet.url);
  const ben = await newPerson(browser, "Ben", duet.url);
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const roomId = await createRoomThroughApi(ada, roomName);
  await goto(ada.page, `/rooms/${roomId}`);
  await joinRoomByLink(ben, `/rooms/${roomId}`);
  // Join is enabled once the room's socket is connected.
  await Promise.all([ada, ben].map(({ page }) => expect(page.getByRole("button", { name: "Join call" })).toBeEnabled()));
  return { ada, ben, roomId };
}

async function killServer(people: Person[]): Promise<void> {
  await duet.kill();
  await Promise.all(people.map(({ page }) => expect(page.getByText("Connection to Duet lost")).toBeVisible()));
}

async function type(person: Person, body: string): Promise<void> {
  await person.page.getByRole("textbox", { name: "Message" }).fill(body);
  await person.page.getByRole("textbox", { name: "Message" }).press("Enter");
}

const bodiesShown = (person: Person) => person.page.getByTestId("chat-message").locator("p");

test("messages typed during an outage survive closing the tab and reach the other person once, in order", async ({ browser }) => {
  const { ada, ben, roomId } = await twoInARoom(browser, "Outbox after a crash");
  const bodies = ["one, while the server is down", "two, while the server is down", "three, while the server is down"];

  await test.step("the server dies; Ada keeps writing, and sees her messages waiting", async () => {
    await killServer([ada, ben]);
    for (const body of bodies) await type(ada, body);
    const items = ada.page.getByTestId("chat-message");
    await expect(bodiesShown(ada)).toHaveText(bodies);
    for (const index of bodies.keys()) {
      await expect(items.nth(index)).toHaveAttribute("data-status", "queued");
      await expect(items.nth(index)).toContainText("Will send when back online");
    }
  });

  await test.step("Ada closes the tab; the server comes back; she opens the room again", async () => {
    await ada.page.close();
    await duet.restart();
    const backAt = Date.now();
    ada.page = await ada.context.newPage();
    await goto(ada.page, `/rooms/${roomId}`);
    console.log(`[measure] server back → room page loaded in a new tab: ${Date.now() - backAt} ms`);
    await expect(bodiesShown(ben)).toHaveText(bodies, { timeout: AFTER_RESTART_MS });
    console.log(`[measure] server back → new tab's outbox delivered to the other person: ${Date.now() - backAt} ms`);
  });

  await test.step("each message is stored once, in order, and Ada sees each once as sent", async () => {
    await expect(bodiesShown(ada)).toHaveText(bodies);
    await expect(ada.page.locator('[data-testid="chat-message"][data-status="sent"]')).toHaveCount(3);
    const history = await ben.context.request.get(`/api/rooms/${roomId}/messages`);
    const { messages } = (await history.json()) as { messages: Array<{ body: string }> };
    expect(messages.map((message) => message.body)).toEqual(bodies);
    await expect.poll(() => ada.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("duet:outbox:")))).toEqual([]);
    await expect(bodiesShown(ben)).toHaveText(bodies);
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});

test("a message typed during a short outage is delivered without any click once the server is back", async ({ browser }) => {
  const { ada, ben } = await twoInARoom(browser, "Outbox after a blip");
  const body = "typed during a blip";

  await killServer([ada, ben]);
  await type(ada, body);
  await expect(ada.page.getByTestId("chat-message").last()).toHaveAttribute("data-status", "queued");

  await duet.restart();
  const backAt = Date.now();
  // locator.waitFor watches the page itself, so the figure is not rounded up to expect's polling.
  await ada.page.locator('[data-testid="chat-message"][data-status="sent"]', { hasText: body }).waitFor({ timeout: AFTER_RESTART_MS });
  console.log(`[measure] server back → outbox delivered: ${Date.now() - backAt} ms`);

  await expect(bodiesShown(ben)).toHaveText([body]);
  await expect(bodiesShown(ada)).toHaveText([body]);
  await Promise.all([ada.context.close(), ben.context.close()]);
});
