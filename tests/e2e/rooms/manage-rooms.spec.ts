import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createRoomThroughApi, goto, joinRoomThroughApi, newPerson, sendChat, signUpThroughApi, type Person } from "../support/people";

/** Olga's room with Gus as its guest, seated over the API (how they got there is another spec's business). */
async function olgaAndGus(browser: Browser, roomName: string): Promise<{ olga: Person; gus: Person; link: string; roomId: string }> {
  const [olga, gus] = await Promise.all([newPerson(browser, "Olga"), newPerson(browser, "Gus")]);
  await Promise.all([signUpThroughApi(olga), signUpThroughApi(gus)]);
  const roomId = await createRoomThroughApi(olga, roomName);
  await joinRoomThroughApi(gus, roomId);
  return { olga, gus, link: `/rooms/${roomId}`, roomId };
}

/** The room's row on the home page. */
const rowOf = (page: Page, roomName: string) => page.getByTestId("my-room").filter({ hasText: roomName });

/** Opens the room in a tab of its own, as a person keeps a call open while using the home page. */
async function roomTab(person: Person, link: string): Promise<Page> {
  const page = await person.context.newPage();
  await goto(page, link);
  await expect(page.getByRole("button", { name: "Join call" })).toBeEnabled();
  return page;
}

test("the home page lists my rooms with the other person, message counts and unread messages, which clear once I have seen them", async ({
  browser,
}) => {
  const { olga, gus, link } = await olgaAndGus(browser, "Fridays");
  await goto(gus.page, link);
  await sendChat(gus, "Are we still on for Friday?");
  await sendChat(gus, "I can bring the slides");

  await test.step("Olga, who has not looked, sees two unread; Gus, who wrote them, none", async () => {
    await goto(olga.page, "/");
    const row = rowOf(olga.page, "Fridays");
    await expect(row).toContainText("with Gus · Your room");
    await expect(row).toContainText("2 messages");
    await expect(row.getByTestId("unread-count")).toHaveText("2 unread");
    await goto(gus.page, "/");
    await expect(rowOf(gus.page, "Fridays")).toContainText("with Olga · Olga's room");
    await expect(rowOf(gus.page, "Fridays").getByTestId("unread-count")).toHaveCount(0);
  });

  await test.step("once Olga has opened the room, they are read", async () => {
    await rowOf(olga.page, "Fridays").getByRole("link", { name: "Fridays" }).click();
    await expect(olga.page.getByTestId("chat-message")).toHaveCount(2);
    await olga.page.getByRole("link", { name: "Rooms" }).click();
    await expect(rowOf(olga.page, "Fridays")).toContainText("2 messages");
    await expect(rowOf(olga.page, "Fridays").getByTestId("unread-count")).toHaveCount(0);
  });

  await test.step("a message that arrives while the room is on screen is read; one that arrives while Olga is away is not", async () => {
    await goto(olga.page, link);
    await goto(gus.page, link);
    await sendChat(gus, "Seen while you were here");
    await expect(olga.page.getByTestId("chat-message").last()).toContainText("Seen while you were here");
    await olga.page.getByRole("link", { name: "Rooms" }).click();
    await expect(rowOf(olga.page, "Fridays")).toContainText("3 messages");
    await expect(rowOf(olga.page, "Fridays").getByTestId("unread-count")).toHaveCount(0);
    await sendChat(gus, "Sent while you were away");
    await goto(olga.page, "/");
    await expect(rowOf(olga.page, "Fridays").getByTestId("unread-count")).toHaveText("1 unread");
  });
  await Promise.all([olga.context.close(), gus.context.close()]);
});

test("the owner renames a room from the home page with the keyboard, and the guest's open room shows the new name", async ({ browser }) => {
  const { olga, gus, link } = await olgaAndGus(browser, "Fridays");
  await goto(gus.page, link);
  await goto(olga.page, "/");
  const row = rowOf(olga.page, "Fridays");

  await row.getByRole("button", { name: "Rename" }).click();
  await olga.page.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: "Rename" })).toBeFocused();
  await olga.page.keyboard.press("Enter");
  await expect(olga.page.getByLabel("New name for “Fridays”")).toBeFocused();
  await olga.page.keyboard.press("ControlOrMeta+a");
  await olga.page.keyboard.type("Friday planning");
  await olga.page.keyboard.press("Enter");

  await expect(rowOf(olga.page, "Friday planning")).toBeVisible();
  await expect(gus.page.getByRole("heading", { name: "Friday planning" })).toBeVisible();
  await expect(gus.page.getByRole("status").filter({ hasText: "Olga renamed this room to “Friday planning”." })).toBeVisible();
  await expect(gus.page, "the guest's tab names the room anew, without a reload").toHaveTitle("Friday planning — Duet");
  await Promise.all([olga.context.close(), gus.context.close()]);
});

test("the owner removes the guest: the guest's open room says so, their link opens nothing, and the seat is free for someone else", async ({
  browser,
}) => {
  const { olga, gus, link, roomId } = await olgaAndGus(browser, "Fridays");
  const gusRoom = await roomTab(gus, link);
  const olgaRoom = await roomTab(olga, link);
  await goto(olga.page, "/");
  const row = rowOf(olga.page, "Fridays");

  await row.getByRole("button", { name: "Remove Gus" }).click();
  const confirm = row.getByRole("group", { name: "Confirm" });
  await expect(confirm).toContainText("Remove Gus from “Fridays”?");
  await confirm.getByRole("button", { name: "Remove Gus" }).click();
  await expect(row).toContainText("Waiting for a guest");

  await expect(gusRoom.getByRole("heading", { name: "Olga removed you from this room" })).toBeVisible();
  await expect(gusRoom.getByRole("link", { name: "Go to your rooms" })).toBeVisible();
  await expect(olgaRoom.getByRole("status").filter({ hasText: "You removed Gus from this room." })).toBeVisible();

  await goto(gusRoom, link);
  await expect(gusRoom.getByRole("heading", { name: "This room is for two people" })).toBeVisible();
  expect((await gus.context.request.get(`/api/rooms/${roomId}/messages`)).status()).toBe(404);
  expect((await gus.context.request.put(`/api/rooms/${roomId}/membership`)).status()).toBe(404);
  await goto(gus.page, "/");
  await expect(rowOf(gus.page, "Fridays")).toHaveCount(0);

  const nia = await newPerson(browser, "Nia");
  await signUpThroughApi(nia);
  await goto(nia.page, link);
  await expect(nia.page.getByRole("button", { name: "Join this room as Nia" })).toBeVisible();
  await Promise.all([olga.context.close(), gus.context.close(), nia.context.close()]);
});

test("the owner deletes a room after a confirmation naming it: both open rooms are told, and it leaves both home pages", async ({ browser }) => {
  const { olga, gus, link } = await olgaAndGus(browser, "Fridays");
  const gusRoom = await roomTab(gus, link);
  const olgaRoom = await roomTab(olga, link);
  await goto(olga.page, "/");
  const row = rowOf(olga.page, "Fridays");

  await row.getByRole("button", { name: "Delete" }).click();
  const confirm = row.getByRole("group", { name: "Confirm" });
  await expect(confirm).toContainText("Delete “Fridays”? Its messages and call records are deleted with it, for Gus too.");
  await confirm.getByRole("button", { name: "Delete room" }).click();
  await expect(olga.page.getByText("No rooms yet.")).toBeVisible();
  await expect(olga.page.getByRole("heading", { name: "Your rooms" })).toBeFocused();

  await expect(gusRoom.getByRole("heading", { name: "This room was deleted" })).toBeVisible();
  await expect(gusRoom.getByText("Olga deleted it, with its messages and call records.")).toBeVisible();
  await expect(olgaRoom.getByText("You deleted it, with its messages and call records.")).toBeVisible();
  await goto(gus.page, "/");
  await expect(rowOf(gus.page, "Fridays")).toHaveCount(0);
  await goto(gusRoom, link);
  await expect(gusRoom.getByRole("heading", { name: "This room is for two people" })).toBeVisible();
  await Promise.all([olga.context.close(), gus.context.close()]);
});

test("a guest leaves from the home page: their open room closes, the owner's open room is told, and the guest may ask to join again", async ({
  browser,
}) => {
  const { olga, gus, link } = await olgaAndGus(browser, "Fridays");
  const gusRoom = await roomTab(gus, link);
  await goto(olga.page, link);
  await goto(gus.page, "/");
  const row = rowOf(gus.page, "Fridays");

  await row.getByRole("button", { name: "Leave" }).click();
  const confirm = row.getByRole("group", { name: "Confirm" });
  await expect(confirm).toContainText("Leave “Fridays”?");
  await confirm.getByRole("button", { name: "Leave room" }).click();
  await expect(rowOf(gus.page, "Fridays")).toHaveCount(0);

  await expect(gusRoom.getByRole("heading", { name: "You left this room" })).toBeVisible();
  await expect(olga.page.getByRole("status").filter({ hasText: "Gus left this room." })).toBeVisible();
  await goto(gusRoom, link);
  await expect(gusRoom.getByRole("button", { name: "Join this room as Gus" })).toBeVisible();
  await Promise.all([olga.context.close(), gus.context.close()]);
});
