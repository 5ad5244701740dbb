import { expect, test } from "../support/test";
import { expectRemoteMediaPlaying, mediaFlow } from "../support/call-probe";
import { BLUE_CAMERA } from "../support/fake-cameras";
import { bothInCall, isBlueCamera, isFakeScreen, joinCall, pictureOf, twoPeopleInARoom } from "../support/in-call";
import { withoutACamera } from "../support/no-camera";
import { createRoomThroughApi, goto, joinRoomThroughApi, newPerson, signUpThroughApi } from "../support/people";

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

test("someone without a camera shares their screen: the other side sees it, then their camera shown as off again", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  const ben = await newPerson(browser, "Ben");
  await withoutACamera(ben.page);
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const roomId = await createRoomThroughApi(ada, "No camera");
  await joinRoomThroughApi(ben, roomId);
  await Promise.all([goto(ada.page, `/rooms/${roomId}`), goto(ben.page, `/rooms/${roomId}`)]);
  await joinCall(ada);
  await joinCall(ben);

  await test.step("in the call, Ben hears and sees Ada; Ada hears Ben and sees his camera as off", async () => {
    await expectRemoteMediaPlaying(ben.page);
    await expect(ada.page.getByTestId("remote-video-camera-off")).toBeVisible();
    const heard = (await mediaFlow(ada.page)).audioPacketsReceived;
    await expect.poll(async () => (await mediaFlow(ada.page)).audioPacketsReceived, { message: "Ada hears Ben" }).toBeGreaterThan(heard);
  });

  await test.step("Ben shares: Ada sees his screen playing", async () => {
    await ben.page.getByRole("button", { name: "Share screen" }).click();
    await expect(ben.page.getByRole("button", { name: "Stop sharing" })).toBeVisible();
    await expect(ada.page.getByTestId("remote-video-camera-off")).toBeHidden();
    await expect.poll(async () => isFakeScreen(await pictureOf(ada.page, "remote-video")), { message: "Ada sees Ben's screen" }).toBe(true);
    await expectRemoteMediaPlaying(ada.page);
  });

  await test.step("Ben stops: Ada sees his camera as off again, and the call goes on", async () => {
    await ben.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect(ada.page.getByTestId("remote-video-camera-off")).toBeVisible();
    await expectRemoteMediaPlaying(ben.page);
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});

test("opening the room in another tab stops this tab's screen share, camera and microphone, and offers to take the room back", async ({
  browser,
}) => {
  const people = await twoPeopleInARoom(browser, "Tab check");
  const { ada, roomId } = people;
  await bothInCall(people);
  await ada.page.getByRole("button", { name: "Share screen" }).click();
  await expect(ada.page.getByRole("button", { name: "Stop sharing" })).toBeVisible();
  // What this tab sends: the shared screen and the microphone.
  await ada.page.evaluate(() => {
    const pc = [...(window.__duetPeerConnections ?? [])].reverse().find((candidate) => candidate.connectionState !== "closed")!;
    Object.assign(window, { __sentTracks: pc.getSenders().flatMap((sender) => (sender.track ? [sender.track] : [])) });
  });

  const otherTab = await ada.context.newPage();
  await goto(otherTab, `/rooms/${roomId}`);

  await expect(ada.page.getByRole("heading", { name: "Tab check is open in another tab" })).toBeVisible();
  const sentTracks = () =>
    ada.page.evaluate(() =>
      (window as unknown as { __sentTracks: MediaStreamTrack[] }).__sentTracks.map((track) => `${track.kind}:${track.readyState}`).sort(),
    );
  await expect.poll(sentTracks, { message: "the screen and microphone released" }).toEqual(["audio:ended", "video:ended"]);
  await expect(ada.page.getByRole("textbox", { name: "Message" })).toHaveCount(0);

  await ada.page.getByRole("button", { name: "Use it here" }).click();
  await expect(ada.page.getByRole("button", { name: "Join call" })).toBeVisible();
  await expect(otherTab.getByRole("heading", { name: "Tab check is open in another tab" })).toBeVisible();
  await people.close();
});
