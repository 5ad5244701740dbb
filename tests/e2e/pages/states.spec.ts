import type { Page, Route } from "@playwright/test";
import { createRoomThroughApi, goto, newPerson, signUpThroughApi } from "../support/people";
import { expect, test } from "../support/test";

/** Holds the requests `matches` picks until the returned function is called; the rest go through. */
async function holdRequests(page: Page, matches: (route: Route) => boolean): Promise<{ held: () => number; release: () => void }> {
  let count = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*", async (route) => {
    if (matches(route)) {
      count += 1;
      await released;
    }
    await route.continue();
  });
  return { held: () => count, release };
}

test("a newcomer's empty pages say what to do next", async ({ browser }) => {
  const nell = await newPerson(browser, "Nell");
  await signUpThroughApi(nell);
  const roomId = await createRoomThroughApi(nell, "Empty room");

  await goto(nell.page, "/history");
  await expect(nell.page.getByText("No conversations yet.")).toBeHidden();
  await goto(nell.page, `/history/${roomId}`);
  await expect(nell.page.getByText("Nothing has happened in this room yet. Open the room to call or say hello")).toBeVisible();
  await expect(nell.page.getByRole("link", { name: "Open room" })).toHaveAttribute("href", `/rooms/${roomId}`);
  await goto(nell.page, `/rooms/${roomId}`);
  await expect(nell.page.getByText("No messages yet. Say hello!")).toBeVisible();

  const newcomer = await newPerson(browser, "Nina");
  await signUpThroughApi(newcomer);
  await goto(newcomer.page, "/");
  await expect(newcomer.page.getByText("No rooms yet. Create one and send its link")).toBeVisible();
  await expect(newcomer.page.getByLabel("Room name")).toBeVisible();
  await goto(newcomer.page, "/history");
  await expect(newcomer.page.getByText("No conversations yet.")).toBeVisible();
  await newcomer.page.getByRole("link", { name: "Create a room" }).click();
  await expect(newcomer.page).toHaveURL(/\/$/);
  await expect(newcomer.page.getByLabel("Room name")).toBeVisible();
  await Promise.all([nell, newcomer].map((person) => person.context.close()));
});

test("while a page's data is on its way, the page says what is coming", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  await signUpThroughApi(ada);
  const roomId = await createRoomThroughApi(ada, "Slow room");
  // The router prefetches each link's loading page (loading.tsx) in the background; the
  // navigation's own request, once clicked, is held as a slow server would hold it. Next 16
  // prefetches a link in several requests (the route tree, then its segments, the loading page
  // among them), one after another: a link counts as prefetched once one has finished and none
  // has started or been in flight for a moment. Counting the first that finished, a click could
  // come before the loading page had arrived, and the page then showed nothing until the data.
  const prefetches = new Map<string, { inFlight: number; finished: number; lastAt: number }>();
  const note = (path: string, inFlight: number, finished: number) => {
    const now = prefetches.get(path) ?? { inFlight: 0, finished: 0, lastAt: 0 };
    prefetches.set(path, { inFlight: now.inFlight + inFlight, finished: now.finished + finished, lastAt: Date.now() });
  };
  const prefetched = (path: string) => {
    const state = prefetches.get(path);
    return !!state && state.finished > 0 && state.inFlight === 0 && Date.now() - state.lastAt > 300;
  };
  let slow = { path: "", released: Promise.resolve() };
  await ada.page.route("**/*", async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (request.headers().rsc !== "1") return route.continue();
    if (request.headers()["next-router-prefetch"]) {
      note(path, 1, 0);
      const response = await route.fetch();
      await route.fulfill({ response });
      return note(path, -1, 1);
    }
    if (path === slow.path) await slow.released;
    return route.continue();
  });
  await goto(ada.page, "/");
  for (const [link, path, loading, heading] of [
    [ada.page.getByRole("link", { name: "History" }), "/history", "Loading your history…", "Chat history"],
    [ada.page.getByRole("link", { name: "Slow room" }), `/history/${roomId}`, "Loading the room's history…", "Slow room"],
    [ada.page.getByRole("link", { name: "Ada" }), "/account", "Loading your account…", "Your account"],
  ] as const) {
    await link.hover();
    await expect.poll(() => prefetched(path), { message: `${path} prefetched` }).toBe(true);
    let release = () => {};
    slow = { path, released: new Promise<void>((resolve) => (release = resolve)) };
    await link.click();
    await expect(ada.page.getByRole("status").filter({ hasText: loading })).toBeVisible();
    release();
    await expect(ada.page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(ada.page.getByText(loading)).toBeHidden();
  }
  await ada.context.close();
});

test("a button that starts work shows it is working and can't be pressed twice", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  await signUpThroughApi(ada);
  await goto(ada.page, "/");
  const creating = await holdRequests(
    ada.page,
    (route) => route.request().method() === "POST" && new URL(route.request().url()).pathname === "/api/rooms",
  );
  await ada.page.getByLabel("Room name").fill("Patient room");
  await ada.page.getByRole("button", { name: "Create room" }).click();
  const button = ada.page.getByRole("button", { name: "Creating…" });
  await expect(button).toBeDisabled();
  // Pressing Enter again in the field would submit the form a second time, were its button enabled.
  await ada.page.getByLabel("Room name").press("Enter");
  await button.click({ force: true });
  expect(creating.held()).toBe(1);
  creating.release();
  await expect(ada.page.getByRole("heading", { level: 1, name: "Patient room" })).toBeVisible();
  expect(creating.held()).toBe(1);
  await ada.context.close();
});
