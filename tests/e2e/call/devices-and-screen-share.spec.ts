import { expect, test } from "../support/test";
import { TWO_CAMERAS } from "../support/two-cameras";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { goto } from "../support/people";
import { bothInCall, isFakeScreen, isGreenCamera, isGreyCamera, pictureOf, twoPeopleInARoom, type TwoPeople } from "../support/in-call";

// Two fake cameras, told apart by their picture: fake_device_0 is green, fake_device_1 grey.
test.use({ launchOptions: TWO_CAMERAS });

/** The local description, to prove a switch renegotiated nothing: replaceTrack leaves it as it was. */
const localSdp = (people: TwoPeople) =>
  people.ada.page.evaluate(() => {
    const pc = [...(window.__duetPeerConnections ?? [])].reverse().find((candidate) => candidate.connectionState !== "closed");
    return { sdp: pc?.localDescription?.sdp ?? "", signalingState: pc?.signalingState ?? "none" };
  });

test("cameras, microphones and speakers are listed, switch mid-call without renegotiating, are remembered, and fall back saying so", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Device check");
  const { ada, ben } = people;
  const camera = ada.page.getByLabel("Camera", { exact: true });

  await test.step("the prejoin screen lists both cameras, the microphones and the speakers by name", async () => {
    await expect(camera.locator("option")).toHaveText(["fake_device_0", "fake_device_1"]);
    await expect(ada.page.getByLabel("Microphone", { exact: true }).locator("option")).toContainText(["Fake Default Audio Input", "Fake Audio Input 1"]);
    await expect(ada.page.getByLabel("Speaker", { exact: true }).locator("option")).toContainText(["Fake Default Audio Output", "Fake Audio Output 1"]);
    await expect(camera.locator("option:checked")).toHaveText("fake_device_0");
  });

  await bothInCall(people);
  await expect.poll(async () => isGreenCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's first (green) camera" }).toBe(true);
  const before = await localSdp(people);

  await test.step("switching camera mid-call: Ben sees the other camera, with no new offer or answer", async () => {
    await camera.selectOption({ label: "fake_device_1" });
    await expect.poll(async () => isGreyCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's second (grey) camera" }).toBe(true);
    await expectRemoteMediaPlaying(ben.page);
    expect(await localSdp(people)).toEqual(before);
  });

  await test.step("switching microphone keeps Ben hearing Ada", async () => {
    await ada.page.getByLabel("Microphone", { exact: true }).selectOption({ label: "Fake Audio Input 1" });
    await expect(ada.page.getByLabel("Microphone", { exact: true }).locator("option:checked")).toHaveText("Fake Audio Input 1");
    await expectRemoteMediaPlaying(ben.page);
  });

  await test.step("the speaker choice routes Ben's audio to that output", async () => {
    const speaker = ben.page.getByLabel("Speaker", { exact: true });
    await speaker.selectOption({ label: "Fake Audio Output 1" });
    const chosenId = await speaker.inputValue();
    await expect.poll(() => ben.page.getByTestId("remote-video").evaluate((video: HTMLVideoElement) => video.sinkId)).toBe(chosenId);
  });

  await test.step("the choices are remembered by the browser: after a reload the second camera starts", async () => {
    await goto(ada.page, `/rooms/${people.roomId}`);
    await expect(camera.locator("option:checked")).toHaveText("fake_device_1");
    await expect(ada.page.getByLabel("Microphone", { exact: true }).locator("option:checked")).toHaveText("Fake Audio Input 1");
    await expect.poll(async () => isGreyCamera(await pictureOf(ada.page, "local-video"))).toBe(true);
  });

  await test.step("a remembered camera that is gone: the default starts, and the page says so", async () => {
    await ada.page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem("duet:devices") ?? "{}");
      localStorage.setItem("duet:devices", JSON.stringify({ ...saved, videoinput: { deviceId: "unplugged-camera-id", label: "USB camera" } }));
    });
    await goto(ada.page, `/rooms/${people.roomId}`);
    await expect(ada.page.getByTestId("device-notice")).toHaveText("Your camera “USB camera” isn't available, so Duet is using “fake_device_0”.");
    await expect(camera.locator("option:checked")).toHaveText("fake_device_0");
  });

  await people.close();
});

test("a shared screen replaces the camera for the other side, and the camera comes back when the browser's own bar stops it", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Screen check");
  const { ada, ben } = people;
  // Chromium's fake screen shows the same green pattern as the first fake camera: with the
  // grey second camera in use, Ben's picture says which one he is seeing.
  await ada.page.getByLabel("Camera", { exact: true }).selectOption({ label: "fake_device_1" });
  await bothInCall(people);
  await expect.poll(async () => isGreyCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's (grey) camera" }).toBe(true);
  const scriptsBefore = await ada.page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js")).length);

  await test.step("Ada shares: Ben sees the screen in place of her camera", async () => {
    await ada.page.getByRole("button", { name: "Share screen" }).click();
    await expect(ada.page.getByRole("button", { name: "Stop sharing" })).toBeVisible();
    await expect.poll(async () => isFakeScreen(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's screen" }).toBe(true);
    await expectRemoteMediaPlaying(ben.page);
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("You are sharing your screen");
    // The screen-share code came on demand, with the click.
    expect(await ada.page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js")).length)).toBeGreaterThan(scriptsBefore);
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
    await expect.poll(async () => isGreyCamera(await pictureOf(ben.page, "remote-video")), { message: "Ben sees Ada's camera again" }).toBe(true);
    await expectRemoteMediaPlaying(ben.page);
    await expect(ada.page.getByTestId("call-announcer")).toHaveText("Screen sharing stopped");
  });

  await test.step("sharing again and stopping with the button works the same way", async () => {
    await ada.page.getByRole("button", { name: "Share screen" }).click();
    await expect.poll(async () => isFakeScreen(await pictureOf(ben.page, "remote-video"))).toBe(true);
    await ada.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(async () => isGreyCamera(await pictureOf(ben.page, "remote-video"))).toBe(true);
  });

  await people.close();
});
