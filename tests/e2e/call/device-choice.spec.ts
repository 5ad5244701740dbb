import { expect, test } from "../support/test";
import type { Page } from "@playwright/test";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { THREE_CAMERAS } from "../support/fake-cameras";
import { createRoomThroughApi, goto, newPerson, signUpThroughApi } from "../support/people";
import { bothInCall, twoPeopleInARoom } from "../support/in-call";

// Chromium fakes several cameras but no two that WebRTC can send look different (see
// chromiumArgsWithCameras): the switch is proven by the track Ada sends (its label names the
// device), an unchanged local description (no renegotiation), and Ben still decoding frames.
test.use({ launchOptions: THREE_CAMERAS });

/** What Ada's browser sends: the video sender's track, and the SDP that a renegotiation would change. */
const sending = (page: Page) =>
  page.evaluate(() => {
    const pc = [...(window.__duetPeerConnections ?? [])].reverse().find((candidate) => candidate.connectionState !== "closed");
    const video = pc?.getSenders().find((sender) => sender.track?.kind === "video")?.track;
    const audio = pc?.getSenders().find((sender) => sender.track?.kind === "audio")?.track;
    return {
      camera: video?.label ?? "",
      cameraLive: video?.readyState === "live",
      microphone: audio?.label ?? "",
      sdp: pc?.localDescription?.sdp ?? "",
      signalingState: pc?.signalingState ?? "none",
    };
  });

/** The label of the camera track the local preview shows. */
const previewCamera = (page: Page) =>
  page.getByTestId("local-video").evaluate((video: HTMLVideoElement) => (video.srcObject as MediaStream | null)?.getVideoTracks()[0]?.label ?? "");

test("cameras, microphones and speakers are listed, switch mid-call without renegotiating, are remembered, and fall back saying so", async ({
  browser,
}) => {
  const people = await twoPeopleInARoom(browser, "Device check");
  const { ada, ben } = people;
  const camera = ada.page.getByLabel("Camera", { exact: true });
  const microphone = ada.page.getByLabel("Microphone", { exact: true });

  await test.step("the prejoin screen lists the cameras, microphones and speakers by name", async () => {
    await expect(camera.locator("option")).toHaveText(["fake_device_0", "fake_device_1", "fake_device_2"]);
    await expect(microphone.locator("option")).toContainText(["Fake Default Audio Input", "Fake Audio Input 1"]);
    await expect(ada.page.getByLabel("Speaker", { exact: true }).locator("option")).toContainText([
      "Fake Default Audio Output",
      "Fake Audio Output 1",
    ]);
    await expect(camera.locator("option:checked")).toHaveText("fake_device_0");
  });

  await bothInCall(people);
  const before = await sending(ada.page);
  expect(before.camera).toBe("fake_device_0");

  await test.step("switching camera mid-call: the new camera's track goes out on the same connection, with no new offer, and Ben keeps seeing video", async () => {
    await camera.selectOption({ label: "fake_device_2" });
    await expect.poll(async () => (await sending(ada.page)).camera).toBe("fake_device_2");
    const after = await sending(ada.page);
    expect(after.cameraLive).toBe(true);
    expect({ sdp: after.sdp, signalingState: after.signalingState }).toEqual({ sdp: before.sdp, signalingState: "stable" });
    await expectRemoteMediaPlaying(ben.page);
  });

  await test.step("switching microphone the same way keeps Ben hearing Ada", async () => {
    await microphone.selectOption({ label: "Fake Audio Input 1" });
    await expect.poll(async () => (await sending(ada.page)).microphone).toBe("Fake Audio Input 1");
    await expectRemoteMediaPlaying(ben.page);
  });

  await test.step("the speaker choice routes Ben's audio to that output", async () => {
    const speaker = ben.page.getByLabel("Speaker", { exact: true });
    await speaker.selectOption({ label: "Fake Audio Output 1" });
    const chosenId = await speaker.inputValue();
    await expect.poll(() => ben.page.getByTestId("remote-video").evaluate((video: HTMLVideoElement) => video.sinkId)).toBe(chosenId);
  });

  await test.step("the browser remembers: after a reload the chosen camera and microphone start", async () => {
    await goto(ada.page, `/rooms/${people.roomId}`);
    await expect(camera.locator("option:checked")).toHaveText("fake_device_2");
    await expect(microphone.locator("option:checked")).toHaveText("Fake Audio Input 1");
    await expect.poll(() => previewCamera(ada.page)).toBe("fake_device_2");
  });

  await test.step("a remembered camera that is gone: the default starts, and the page says so", async () => {
    await ada.page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem("duet:devices") ?? "{}");
      localStorage.setItem("duet:devices", JSON.stringify({ ...saved, videoinput: { deviceId: "unplugged-camera-id", label: "USB camera" } }));
    });
    await goto(ada.page, `/rooms/${people.roomId}`);
    await expect(ada.page.getByTestId("device-notice")).toHaveText("Your camera “USB camera” isn't available, so Duet is using “fake_device_0”.");
    await expect(camera.locator("option:checked")).toHaveText("fake_device_0");
    // The microphone choice, still plugged in, held.
    await expect(microphone.locator("option:checked")).toHaveText("Fake Audio Input 1");
  });

  await people.close();
});

test("a camera that cannot be opened mid-call leaves the one in use sending, and the page says so", async ({ browser }) => {
  const people = await twoPeopleInARoom(browser, "Busy camera");
  const { ada, ben } = people;
  const camera = ada.page.getByLabel("Camera", { exact: true });
  await bothInCall(people);
  expect((await sending(ada.page)).camera).toBe("fake_device_0");
  // fake_device_1 is held by another app, as a busy USB camera answers.
  const busyId = await camera.locator("option", { hasText: "fake_device_1" }).getAttribute("value");
  await ada.page.evaluate((busy) => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const video = constraints?.video;
      const wanted = typeof video === "object" ? (video.deviceId as { exact?: string } | undefined)?.exact : undefined;
      if (wanted === busy) throw new DOMException("Could not start video source", "NotReadableError");
      return original(constraints);
    };
  }, busyId);

  await camera.selectOption({ label: "fake_device_1" });

  await expect(ada.page.getByTestId("device-notice")).toHaveText(
    "Could not switch: Your camera or microphone is in use by another app. Still using the same camera.",
  );
  await expect.poll(async () => (await sending(ada.page)).cameraLive, { message: "Ada's camera sending again" }).toBe(true);
  expect((await sending(ada.page)).camera).toBe("fake_device_0");
  await expectRemoteMediaPlaying(ben.page);
  await people.close();
});

test("camera access blocked: the room says how to allow it, and Try again starts the camera with focus kept on the call's status", async ({
  browser,
}) => {
  const ada = await newPerson(browser, "Ada");
  await signUpThroughApi(ada);
  const roomId = await createRoomThroughApi(ada, "Blocked camera");
  // What a browser whose site settings block the camera answers, until the person allows it.
  await ada.page.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    Object.assign(window, { __cameraBlocked: true });
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if ((window as unknown as { __cameraBlocked: boolean }).__cameraBlocked) throw new DOMException("Permission denied", "NotAllowedError");
      return original(constraints);
    };
  });
  await goto(ada.page, `/rooms/${roomId}`);
  await expect(ada.page.getByRole("alert").filter({ hasText: "Camera and microphone access is blocked" })).toBeVisible();

  await ada.page.evaluate(() => Object.assign(window, { __cameraBlocked: false }));
  await ada.page.getByRole("button", { name: "Try again" }).click();

  await expect.poll(() => previewCamera(ada.page)).toBe("fake_device_0");
  await expect(ada.page.getByTestId("call-status")).toHaveText("Check your camera and microphone, then join.");
  // The button went with the problem: focus is on the status that replaced it, not the page's start.
  await expect(ada.page.locator(":focus")).toContainText("Check your camera and microphone, then join.");
  await ada.context.close();
});
