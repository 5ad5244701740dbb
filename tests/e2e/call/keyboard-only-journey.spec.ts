import { expect, test } from "../support/test";
import type { Locator, Page } from "@playwright/test";
import { apiSignUp } from "../support/api-session";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { goto, joinRoomByLink, lastMessage, newPerson, signUpThroughApi } from "../support/people";
import { BLUE_CAMERA } from "../support/fake-cameras";
import { isBlueCamera, isFakeScreen, joinCall, pictureOf } from "../support/in-call";

// A blue camera, so Ben can tell Ada's shared (green) fake screen from it.
test.use({ launchOptions: BLUE_CAMERA });

/** Presses Tab (forwards through the page, wrapping) until `target` has focus, as a keyboard user looks for a control. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("keyboard only: sign in, create a room, copy its link, join, mute, send a message, share the screen, leave", async ({ browser }) => {
  const baseUrl = process.env.DUET_E2E_URL!;
  const ada = await newPerson(browser, "Ada");
  const { email } = await apiSignUp(baseUrl, "Ada");
  const { page } = ada;

  await test.step("sign in", async () => {
    await goto(page, "/signin");
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type("a long enough password");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Your rooms" })).toBeVisible();
  });

  await test.step("create a room", async () => {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await tabTo(page, page.getByLabel("Room name"));
    await page.keyboard.type("Keyboard room");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Keyboard room" })).toBeVisible();
  });

  let link = "";
  await test.step("copy its link", async () => {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await tabTo(page, page.getByRole("button", { name: "Copy link" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Copied!" })).toBeVisible();
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/rooms\/[A-Za-z0-9_-]{22}$/);
  });

  // The other person, whose way in is not under test here.
  const ben = await newPerson(browser, "Ben");
  await signUpThroughApi(ben);
  await joinRoomByLink(ben, new URL(link).pathname);
  await joinCall(ben);

  await test.step("join the call", async () => {
    await tabTo(page, page.getByRole("button", { name: "Join call" }));
    await page.keyboard.press("Enter");
    await Promise.all([expectRemoteMediaPlaying(page), expectRemoteMediaPlaying(ben.page)]);
    await expect.poll(async () => isBlueCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's camera" }).toBe(true);
  });

  await test.step("mute", async () => {
    await page.keyboard.press("Control+d");
    await expect(ben.page.getByTestId("remote-video-muted")).toBeVisible();
  });

  await test.step("send a message", async () => {
    await tabTo(page, page.getByRole("textbox", { name: "Message" }));
    await page.keyboard.type("Typed without a mouse");
    await page.keyboard.press("Enter");
    await expect(lastMessage(ben)).toContainText("Typed without a mouse");
  });

  await test.step("share the screen", async () => {
    await tabTo(page, page.getByRole("button", { name: "Share screen" }));
    await page.keyboard.press("Enter");
    await expect.poll(async () => isFakeScreen(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's screen" }).toBe(true);
  });

  await test.step("leave", async () => {
    await tabTo(page, page.getByRole("button", { name: "Leave call" }));
    await page.keyboard.press("Enter");
    await expect(ben.page.getByTestId("call-status")).toHaveText("Ada left the call");
    await expect(page.getByRole("button", { name: "Join call" })).toBeVisible();
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});
