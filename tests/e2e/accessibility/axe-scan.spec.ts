import { expect, test } from "../support/test";
import { expectNoBlockingViolations, scanSummary } from "../support/axe-scan";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { askToJoin, createRoomThroughApi, goto, joinRoomThroughApi, newPerson, sendChat, signUpThroughApi } from "../support/people";

// Every page of Duet, scanned by axe-core in the light and the dark colour scheme, in the states
// people see it in: zero serious or critical violations. The log shows each page's counts, and
// a table of them all at the end.

// Each scan takes seconds on a loaded 2-core machine, and every test scans several pages twice.
test.describe.configure({ timeout: 300_000 });

test.afterAll(() => {
  console.log(`[axe] summary\n${scanSummary()}`);
});

test("the signed-out pages: home, sign in, sign up and a page that does not exist", async ({ browser }) => {
  const visitor = await newPerson(browser, "Visitor");
  await goto(visitor.page, "/");
  await expect(visitor.page.getByRole("heading", { name: "Face to face, in your browser." })).toBeVisible();
  await expectNoBlockingViolations(visitor.page, "home, signed out");

  await goto(visitor.page, "/signin");
  await expect(visitor.page.getByRole("heading", { name: "Sign in to Duet" })).toBeVisible();
  await expectNoBlockingViolations(visitor.page, "sign in");

  await visitor.page.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.page.getByText("Enter your email and password.")).toBeVisible();
  await expectNoBlockingViolations(visitor.page, "sign in, with an error");

  await goto(visitor.page, "/signup");
  await expect(visitor.page.getByRole("heading", { name: "Create your Duet account" })).toBeVisible();
  await expectNoBlockingViolations(visitor.page, "sign up");

  await goto(visitor.page, "/no-such-page");
  await expect(visitor.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoBlockingViolations(visitor.page, "not found");
  await visitor.context.close();
});

test("a newcomer's pages: home and history without rooms, and the account", async ({ browser }) => {
  const newcomer = await newPerson(browser, "Nell");
  await signUpThroughApi(newcomer);
  await goto(newcomer.page, "/");
  await expect(newcomer.page.getByText("No rooms yet.")).toBeVisible();
  await expectNoBlockingViolations(newcomer.page, "home, no rooms");

  await goto(newcomer.page, "/history");
  await expect(newcomer.page.getByRole("heading", { name: "Chat history" })).toBeVisible();
  await expectNoBlockingViolations(newcomer.page, "history, no rooms");

  await goto(newcomer.page, "/account");
  await expect(newcomer.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoBlockingViolations(newcomer.page, "account");

  await newcomer.context.close();
});

test("the connection check, once it has run", async ({ browser }) => {
  const newcomer = await newPerson(browser, "Nils");
  await signUpThroughApi(newcomer);
  await goto(newcomer.page, "/check");
  // Scanned once the check has finished, with its verdict and every step's result on screen.
  await expect(newcomer.page.getByRole("button", { name: "Run again" })).toBeVisible({ timeout: 60_000 });
  await expectNoBlockingViolations(newcomer.page, "connection check");
  await newcomer.context.close();
});

test("a room's pages before the call: the invitation, the prejoin screen, and the full room's refusal", async ({ browser }) => {
  const host = await newPerson(browser, "Hana");
  const guest = await newPerson(browser, "Gus");
  const stranger = await newPerson(browser, "Stan");
  await Promise.all([signUpThroughApi(host), signUpThroughApi(guest), signUpThroughApi(stranger)]);
  const roomId = await createRoomThroughApi(host, "Accessible room");

  await goto(guest.page, `/rooms/${roomId}`);
  await expect(guest.page.getByRole("heading", { name: "Accessible room" })).toBeVisible();
  await expectNoBlockingViolations(guest.page, "room invitation (ask to join)");
  await askToJoin(guest);

  await goto(host.page, `/rooms/${roomId}`);
  await expect(host.page.getByRole("button", { name: "Join call" })).toBeEnabled();
  await expect(host.page.getByText("No messages yet. Say hello!")).toBeVisible();
  await expectNoBlockingViolations(host.page, "room, before joining");

  await goto(stranger.page, `/rooms/${roomId}`);
  await expect(stranger.page.getByRole("heading", { name: "This room is for two people" })).toBeVisible();
  await expectNoBlockingViolations(stranger.page, "room, full (refused)");
  await Promise.all([host, guest, stranger].map((person) => person.context.close()));
});

test("a room during a call, on both sides, with chat", async ({ browser }) => {
  const host = await newPerson(browser, "Hedy");
  const guest = await newPerson(browser, "Gene");
  await Promise.all([signUpThroughApi(host), signUpThroughApi(guest)]);
  const roomId = await createRoomThroughApi(host, "Call room");
  await joinRoomThroughApi(guest, roomId);
  await Promise.all([goto(host.page, `/rooms/${roomId}`), goto(guest.page, `/rooms/${roomId}`)]);
  for (const person of [host, guest]) await person.page.getByRole("button", { name: "Join call" }).click();
  await Promise.all([expectRemoteMediaPlaying(host.page), expectRemoteMediaPlaying(guest.page)]);
  await sendChat(host, "Can you hear me?");
  await sendChat(guest, "Loud and clear.");
  await host.page.getByRole("button", { name: "Mute" }).click();

  await expectNoBlockingViolations(host.page, "room, in a call (host, muted)");
  await expectNoBlockingViolations(guest.page, "room, in a call (guest)");
  await Promise.all([host, guest].map((person) => person.context.close()));
});

test("a member's pages with rooms: home, history, and a room's history with and without messages", async ({ browser }) => {
  const host = await newPerson(browser, "Hal");
  const guest = await newPerson(browser, "Gwen");
  await Promise.all([signUpThroughApi(host), signUpThroughApi(guest)]);
  const talkative = await createRoomThroughApi(host, "Talkative room");
  const quiet = await createRoomThroughApi(host, "Quiet room");
  await joinRoomThroughApi(guest, talkative);
  await goto(guest.page, `/rooms/${talkative}`);
  await sendChat(guest, "A message Hal has not read yet");

  await goto(host.page, "/");
  await expect(host.page.getByTestId("unread-count")).toHaveText("1 unread");
  await expectNoBlockingViolations(host.page, "home, with rooms");

  await host.page.getByRole("group", { name: "Actions for Quiet room" }).getByRole("button", { name: "Delete" }).click();
  await expect(host.page.getByRole("button", { name: "Delete room" })).toBeFocused();
  await expectNoBlockingViolations(host.page, "home, confirming a deletion");
  await host.page.getByRole("button", { name: "Cancel" }).click();

  await goto(host.page, "/history");
  await expect(host.page.getByRole("link", { name: /Talkative room/ })).toBeVisible();
  await expectNoBlockingViolations(host.page, "history, with rooms");

  await goto(host.page, `/history/${talkative}`);
  await expect(host.page.getByTestId("timeline-message")).toHaveCount(1);
  await expectNoBlockingViolations(host.page, "room history, with messages");

  await goto(host.page, `/history/${quiet}`);
  await expect(host.page.getByText("Nothing has happened in this room yet.")).toBeVisible();
  await expectNoBlockingViolations(host.page, "room history, empty");
  await Promise.all([host, guest].map((person) => person.context.close()));
});
