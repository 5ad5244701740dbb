import type { Page } from "@playwright/test";
import { connectToRoom } from "../support/room-socket";
import { createRoomThroughApi, goto, joinRoomByLink, newPerson, sendChat, signInThroughApi, signUpThroughApi, type Person } from "../support/people";
import { expect, test } from "../support/test";

const base = () => process.env.DUET_E2E_URL!;

/** The Cookie header this person's browser sends to Duet, as someone who copied it would replay it. */
async function copiedCookie(person: Person): Promise<string> {
  return (await person.context.cookies(base())).map(({ name, value }) => `${name}=${value}`).join("; ");
}

/** The same person on another device: their own browser profile, signed in to the same account. */
async function otherDevice(browser: Parameters<typeof newPerson>[0], person: Person): Promise<Person> {
  const device = { ...(await newPerson(browser, person.name)), email: person.email, password: person.password };
  await signInThroughApi(device);
  return device;
}

async function expectSentToSignIn(page: Page, path: string): Promise<void> {
  await goto(page, path);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
}

test("a copied session cookie stops working once its browser signs out: no API, no room, no socket", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  await signUpThroughApi(ada);
  const roomId = await createRoomThroughApi(ada, "Copied");
  const cookie = await copiedCookie(ada);
  const asCopier = (path: string, init: RequestInit = {}) =>
    fetch(`${base()}${path}`, { ...init, headers: { ...init.headers, Cookie: cookie, "Content-Type": "application/json" } });
  expect((await asCopier("/api/rooms")).status).toBe(200);
  (await connectToRoom(base(), roomId, cookie)).disconnect();

  await goto(ada.page, "/");
  // A click before the page has hydrated does nothing yet; a person would click again.
  await expect(async () => {
    await ada.page.getByRole("button", { name: "Sign out" }).click();
    await expect(ada.page).toHaveURL(/\/signin/, { timeout: 3_000 });
  }).toPass();

  expect((await asCopier("/api/rooms")).status).toBe(401);
  expect((await asCopier("/api/rooms", { method: "POST", body: JSON.stringify({ name: "After sign-out" }) })).status).toBe(401);
  expect((await asCopier(`/api/rooms/${roomId}/messages`)).status).toBe(401);
  await expect(connectToRoom(base(), roomId, cookie)).rejects.toBeInstanceOf(Error);
  const page = await fetch(`${base()}/history`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toMatch(/^\/signin\?callbackUrl=/);
  await ada.context.close();
});

test("changing the password signs out the other device, whose open room says so, and only the new password signs in", async ({ browser }) => {
  const laptop = await newPerson(browser, "Ada");
  await signUpThroughApi(laptop);
  const roomId = await createRoomThroughApi(laptop, "Desk");
  const phone = await otherDevice(browser, laptop);
  await goto(phone.page, `/rooms/${roomId}`);
  await expect(phone.page.getByRole("textbox", { name: "Message" })).toBeEnabled();

  await goto(laptop.page, "/account");
  await laptop.page.getByLabel("Current password").fill("not my password");
  await laptop.page.getByLabel("New password").fill("a brand new password");
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByText("That is not your current password")).toBeVisible();
  await laptop.page.getByLabel("Current password").fill(laptop.password);
  await laptop.page.getByLabel("New password").fill("a brand new password");
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByRole("status")).toHaveText("Your password is changed, and 1 other browser was signed out.");

  await expect(phone.page.getByText("You were signed out of Duet. Sign in again to come back to this room.")).toBeVisible();
  await expectSentToSignIn(phone.page, "/history");
  await goto(laptop.page, "/history");
  await expect(laptop.page.getByRole("heading", { name: "Chat history" })).toBeVisible();

  for (const [password, lands] of [
    [laptop.password, false],
    ["a brand new password", true],
  ] as const) {
    await goto(phone.page, "/signin?callbackUrl=%2Fhistory");
    await phone.page.getByLabel("Email").fill(laptop.email);
    await phone.page.getByLabel("Password").fill(password);
    await phone.page.getByRole("button", { name: "Sign in" }).click();
    if (lands) await expect(phone.page.getByRole("heading", { name: "Chat history" })).toBeVisible();
    else await expect(phone.page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an account.");
  }
  await Promise.all([laptop.context.close(), phone.context.close()]);
});

test("sign out everywhere ends every device's session, this one's included", async ({ browser }) => {
  const laptop = await newPerson(browser, "Ben");
  await signUpThroughApi(laptop);
  const phone = await otherDevice(browser, laptop);

  await goto(laptop.page, "/account");
  await expect(laptop.page.getByText("You are signed in on 2 browsers, this one included.")).toBeVisible();
  // A click before the page has hydrated does nothing yet; a person would click again.
  await expect(async () => {
    await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click({ timeout: 3_000 });
    await expect(laptop.page).toHaveURL(/\/signin/, { timeout: 3_000 });
  }).toPass();

  await expectSentToSignIn(laptop.page, "/history");
  await expectSentToSignIn(phone.page, "/account");
  await Promise.all([laptop.context.close(), phone.context.close()]);
});

test("a guest who deletes their account leaves the owner a readable record; an owner who deletes theirs takes the room with them", async ({
  browser,
}) => {
  const olga = await newPerson(browser, "Olga");
  const gus = await newPerson(browser, "Gus");
  await Promise.all([signUpThroughApi(olga), signUpThroughApi(gus)]);
  const roomId = await createRoomThroughApi(olga, "Fridays");
  await goto(olga.page, `/rooms/${roomId}`);
  await joinRoomByLink(gus, `/rooms/${roomId}`);
  await sendChat(gus, "Hi Olga, see you Friday");
  await sendChat(olga, "See you, Gus");

  await goto(gus.page, "/account");
  await expect(gus.page.getByText("In the room you joined as a guest, your messages stay")).toBeVisible();
  await gus.page.getByLabel("Your password").fill("wrong password");
  await gus.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(gus.page.getByText("That is not your password")).toBeVisible();
  await gus.page.getByLabel("Your password").fill(gus.password);
  await gus.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(gus.page.getByText("Your account is deleted.")).toBeVisible();
  // Olga has the room open: it shows her guest gone and the seat free, as when a guest leaves.
  await expect(olga.page.getByText("Gus left this room. Whoever opens its link next can join.")).toBeVisible();

  await goto(olga.page, `/history/${roomId}`);
  const history = olga.page.getByRole("main");
  await expect(history.getByText("Hi Olga, see you Friday")).toBeVisible();
  await expect(history.getByText("Deleted account")).toBeVisible();
  await expect(history.getByText("Gus", { exact: true })).toHaveCount(0);

  const ola = await newPerson(browser, "Ola");
  await signUpThroughApi(ola);
  await joinRoomByLink(ola, `/rooms/${roomId}`);
  await expect(ola.page.getByRole("textbox", { name: "Message" })).toBeEnabled();

  await goto(olga.page, "/account");
  await expect(olga.page.getByRole("listitem").filter({ hasText: "Fridays (with Ola): 2 messages" })).toBeVisible();
  await olga.page.getByLabel("Your password").fill(olga.password);
  await olga.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(olga.page.getByText("Your account is deleted.")).toBeVisible();
  // Ola still had the room open: it closes and says why.
  await expect(ola.page.getByRole("heading", { name: "This room was deleted" })).toBeVisible();
  await goto(ola.page, `/history/${roomId}`);
  await expect(ola.page.getByText("Hi Olga, see you Friday")).toHaveCount(0);
  await Promise.all([olga.context.close(), gus.context.close(), ola.context.close()]);
});
