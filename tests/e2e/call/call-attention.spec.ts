import { expect, test } from "../support/test";
import type { Page } from "@playwright/test";
import { sendChat } from "../support/people";
import { bothInCall, joinCall, setTabHidden, twoPeopleInARoom } from "../support/in-call";

/** Counts the tones the page starts (each chime is two), so a test can hear whether it played. */
async function countTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __duetTones: number };
    w.__duetTones = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__duetTones += 1;
      return create.call(this);
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __duetTones: number }).__duetTones);

test("the live quality shows good/fair/poor and, on request, the numbers behind it", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Quality check");
  await bothInCall(people);
  const { ada } = people;
  const indicator = ada.page.getByTestId("call-quality");
  await expect(indicator).toHaveText(/Connection: (Good|Fair|Poor)/);
  // On loopback there is nothing to lose and no distance: anything but good is a bug.
  await expect(indicator).toHaveAttribute("data-quality", "good");

  await indicator.click();
  const stat = (name: string) => ada.page.getByTestId("call-stats").locator(`[data-stat="${name}"]`);
  await expect(stat("Round trip")).toHaveText(/^\d+ ms$/);
  await expect(stat("Packet loss")).toHaveText(/^\d+(\.\d)? %$/);
  await expect(stat("Receiving")).toHaveText(/^[1-9]\d* kbit\/s$/);
  await expect(stat("Sending")).toHaveText(/^[1-9]\d* kbit\/s$/);
  await expect(stat("Video in")).toHaveText(/^\d+×\d+ at \d+ fps$/);
  await expect(stat("Video out")).toHaveText(/^\d+×\d+ at \d+ fps$/);
  await expect(stat("Path")).toHaveText("Direct, UDP");
  const figures = await ada.page.getByTestId("call-stats").innerText();
  console.log(`[measure] live quality on loopback: ${figures.replace(/\s*\n\s*/g, " | ")}`);

  await indicator.click();
  await expect(ada.page.getByTestId("call-stats")).toBeHidden();
  await people.close();
});

test("the other person's arrival and departure: a notice, a sound that can be turned off, and a live region", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Presence check");
  const { ada, ben } = people;
  await countTones(ada.page);
  await ada.page.reload({ waitUntil: "domcontentloaded" });
  await ada.page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await joinCall(ada);

  await test.step("Ben joins: Ada sees and hears it, and her screen reader is told", async () => {
    await joinCall(ben);
    await expect(ada.page.getByTestId("presence-notice")).toHaveText("Ben joined the call");
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Ben joined the call");
    await expect.poll(() => tones(ada.page)).toBe(2);
  });

  await test.step("muting and the camera are announced too", async () => {
    await ada.page.keyboard.press("Control+d");
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Microphone muted");
    await ada.page.keyboard.press("Control+e");
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Camera off");
  });

  await test.step("with sounds turned off, Ben leaving shows but plays nothing; the choice is remembered", async () => {
    await ada.page.getByLabel("Play a sound when the other person joins or leaves").uncheck();
    await ben.page.getByRole("button", { name: "Leave call" }).click();
    await expect(ada.page.getByTestId("presence-notice")).toHaveText("Ben left the call");
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Ben left the call");
    expect(await tones(ada.page)).toBe(2);
    await ada.page.reload({ waitUntil: "domcontentloaded" });
    await expect(ada.page.getByLabel("Play a sound when the other person joins or leaves")).not.toBeChecked();
  });

  await people.close();
});

test("while the tab is hidden, unread messages count in the title and on the favicon", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Title check");
  const { ada, ben } = people;
  await bothInCall(people);
  const titleBefore = await ada.page.title();

  await setTabHidden(ada.page, true);
  await sendChat(ben, "First while you were away");
  await expect(ada.page).toHaveTitle(`(1) ${titleBefore}`);
  await sendChat(ben, "Second one");
  await expect(ada.page).toHaveTitle(`(2) ${titleBefore}`);
  await expect(ada.page.locator('link[rel~="icon"][data-unread="2"]')).toHaveCount(1);
  expect(await ada.page.locator('link[rel~="icon"][data-unread="2"]').first().getAttribute("href")).toMatch(/^data:image\/png/);

  await setTabHidden(ada.page, false);
  await expect(ada.page).toHaveTitle(titleBefore);
  await expect(ada.page.locator('link[rel~="icon"][data-unread]')).toHaveCount(0);
  await people.close();
});

test("? lists the shortcuts in a dialog that Escape closes, returning focus; typed in a text field it is just a character", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Shortcut check");
  const { ada } = people;
  const dialog = ada.page.getByRole("dialog", { name: "Keyboard shortcuts" });

  await ada.page.getByRole("textbox", { name: "Message" }).fill("");
  await ada.page.getByRole("textbox", { name: "Message" }).press("?");
  await expect(ada.page.getByRole("textbox", { name: "Message" })).toHaveValue("?");
  await expect(dialog).toBeHidden();

  await ada.page.getByRole("button", { name: "Mute" }).focus();
  await ada.page.keyboard.press("?");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("row")).toContainText(["Mute or unmute your microphone", "Turn your camera off or on", "Show these shortcuts"]);
  await ada.page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(ada.page.getByRole("button", { name: "Mute" })).toBeFocused();
  await people.close();
});
