import { expect, test } from "../support/test";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { BLUE_CAMERA } from "../support/fake-cameras";
import { bothInCall, isBlueCamera, isFakeScreen, pictureOf, twoPeopleInARoom } from "../support/in-call";

// Ada's camera shows solid blue and Chromium's fake screen a green pattern: Ben's picture says which he sees.
test.use({ launchOptions: BLUE_CAMERA });

const jsLoaded = (page: import("@playwright/test").Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js")).length);

test("a shared screen replaces the camera for the other side, and the camera comes back when the browser's own bar stops it", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Screen check");
  const { ada, ben } = people;
  await bothInCall(people);
  await expect.poll(async () => isBlueCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's (blue) camera" }).toBe(true);
  const scriptsBefore = await jsLoaded(ada.page);

  await test.step("Ada shares: Ben sees the screen in place of her camera", async () => {
    await ada.page.getByRole("button", { name: "Share screen" }).click();
    await expect(ada.page.getByRole("button", { name: "Stop sharing" })).toBeVisible();
    await expect.poll(async () => isFakeScreen(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's screen" }).toBe(true);
    await expectRemoteMediaPlaying(ben.page);
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("You are sharing your screen");
    // The screen-share code came on demand, with the click.
    expect(await jsLoaded(ada.page)).toBeGreaterThan(scriptsBefore);
  });

  await test.step("stopped from the browser's bar (the track ends): Ben sees Ada's camera again", async () => {
    // What Chromium does on "Stop sharing": the capture track ends and fires `ended`.
    await ada.page.evaluate(() => {
      const pc = [...(window.__duetPeerConnections ?? [])].reverse().find((candidate) => candidate.connectionState !== "closed")!;
      const screen = pc.getSenders().find((sender) => sender.track?.kind === "video")!.track!;
      screen.stop();
      screen.dispatchEvent(new Event("ended"));
    });
    await expect(ada.page.getByRole("button", { name: "Share screen" })).toBeVisible();
    await expect.poll(async () => isBlueCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's camera again" }).toBe(true);
    await expectRemoteMediaPlaying(ben.page);
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Screen sharing stopped");
  });

  await test.step("sharing again and stopping with the button works the same way", async () => {
    await ada.page.getByRole("button", { name: "Share screen" }).click();
    await expect.poll(async () => isFakeScreen(await pictureOf(ben.page, "remote-video"))).toBe(true);
    await ada.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(async () => isBlueCamera(await pictureOf(ben.page, "remote-video"))).toBe(true);
  });

  await people.close();
});
