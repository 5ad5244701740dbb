import { expect, test } from "../support/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { connectToRoom } from "../support/room-socket";
import {
  createRoomThroughForm,
  goto,
  joinByLinkAsNewUser,
  lastMessage,
  newPerson,
  sendChat,
  signUpThroughApi,
  signUpThroughForm,
} from "../support/people";

const SCREENSHOT = path.resolve(__dirname, "../../../docs/screenshots/call.png");

test("two people sign up, meet by link, see and hear each other, chat, and keep the history", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  const ben = await newPerson(browser, "Ben");

  await test.step("the host signs up and creates a room", async () => {
    await goto(ada.page, "/signup");
    await signUpThroughForm(ada);
    await expect(ada.page.getByRole("heading", { name: "Your rooms" })).toBeVisible();
    await expect(ada.page.getByText("No rooms yet.")).toBeVisible();
  });

  const link = await createRoomThroughForm(ada, "Design review");
  expect(link).toMatch(/\/rooms\/[A-Za-z0-9_-]{22}$/);

  await test.step("the guest opens the link signed out, signs up, and lands in the room", async () => {
    await joinByLinkAsNewUser(ben, link);
    await expect(ben.page.getByRole("heading", { name: "Design review" })).toBeVisible();
  });

  await test.step("both click Join at the same moment and each sees the other's video playing", async () => {
    await Promise.all([ada.page, ben.page].map((page) => expect(page.getByRole("button", { name: "Join call" })).toBeEnabled()));
    const clickedAt = Date.now();
    await Promise.all([ada.page, ben.page].map((page) => page.getByRole("button", { name: "Join call" }).click()));
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    test.info().annotations.push({ type: "join-to-media-ms", description: String(Date.now() - clickedAt) });
    console.log(`[measure] both joined → media playing both ways: ${Date.now() - clickedAt} ms`);
    await expect(ada.page.getByTestId("call-status")).toHaveText("In a call with Ben");
  });

  await test.step("muting shows on the other side", async () => {
    await ada.page.getByRole("button", { name: "Mute" }).click();
    await expect(ben.page.getByTestId("remote-video-muted")).toBeVisible();
    await ada.page.keyboard.press("Control+d");
    await expect(ben.page.getByTestId("remote-video-muted")).toBeHidden();
  });

  await test.step("chat flows both ways, and markup stays text", async () => {
    await sendChat(ada, "Hi Ben <b>bold?</b>");
    await expect(lastMessage(ben)).toContainText("Hi Ben <b>bold?</b>");
    await sendChat(ben, "Hi Ada!");
    await expect(lastMessage(ada)).toContainText("Hi Ada!");
    await expect(ada.page.locator('[data-testid="chat-message"] b')).toHaveCount(0);
  });

  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await ben.page.screenshot({ path: SCREENSHOT });

  await test.step("the room fits a 375 px wide phone screen", async () => {
    await ben.page.setViewportSize({ width: 375, height: 800 });
    expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expect(ben.page.getByRole("button", { name: "Leave call" })).toBeInViewport();
    await ben.page.screenshot({ path: SCREENSHOT.replace(".png", "-375.png"), fullPage: true });
    await ben.page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step("hanging up shows on the other side, and joining again works without a reload", async () => {
    await ben.page.getByRole("button", { name: "Leave call" }).click();
    await expect(ada.page.getByTestId("call-status")).toHaveText("Ben left the call");
    await expect(ada.page.getByText("Waiting for Ben to join…")).toBeVisible();
    await ben.page.getByRole("button", { name: "Join call" }).click();
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
  });

  await test.step("a reload shows the whole conversation, oldest first, with who said what", async () => {
    await goto(ben.page, link);
    const messages = ben.page.getByTestId("chat-message");
    await expect(messages).toHaveCount(2);
    await expect(messages.nth(0)).toContainText("Ada");
    await expect(messages.nth(0)).toContainText("Hi Ben <b>bold?</b>");
    await expect(messages.nth(1)).toContainText("You");
    await expect(messages.nth(1)).toContainText("Hi Ada!");
    await expect(messages.nth(0).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  });

  await test.step("the history page shows the same conversation", async () => {
    await goto(ada.page, "/history");
    await ada.page.getByRole("link", { name: /Design review/ }).click();
    await expect(ada.page.getByTestId("timeline-message")).toHaveCount(2);
  });

  await test.step("a third person is told the room is for two, and the server refuses their socket", async () => {
    const cy = await newPerson(browser, "Cy");
    await signUpThroughApi(cy);
    await goto(cy.page, link);
    await expect(cy.page.getByRole("heading", { name: "This room is for two people" })).toBeVisible();
    const cookie = (await cy.context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    const refusal = await connectAs(cookie, link);
    expect(refusal).toMatch(/room is for two people/);
    await cy.context.close();
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});

/** Tries the room's namespace with a browser's cookies; resolves with the refusal message. */
async function connectAs(cookie: string, link: string): Promise<string> {
  const url = new URL(link);
  const roomId = url.pathname.split("/").at(-1)!;
  try {
    (await connectToRoom(url.origin, roomId, cookie)).disconnect();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the server admitted a third person");
}
