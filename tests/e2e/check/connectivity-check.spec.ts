import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { guardAgainstCspViolations } from "../support/csp-guard";
import { randomUUID } from "node:crypto";
import { recordPeerConnections, type RecordOptions } from "../support/call-probe";
import { startDuet } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { useRelayedDuet } from "../support/relayed-duet";
import { createRoomThroughApi, goto, signUpThroughApi, type Person } from "../support/people";

// A real coturn on loopback and a Duet offering it over UDP and TCP, with no STUN server.
// Why no STUN: on loopback, once the page has camera permission Chromium shows its real host
// candidate (127.0.0.1:port) and drops the srflx candidate coturn reflects, which is the very
// same address; without the permission it hides the host behind an mDNS name and does emit
// it. Which of the two happens depends on how the camera prompt races the gathering, so the
// direct verdict is proven by the unit tests and this spec proves the relay verdicts.
const lab = useRelayedDuet();

test("a signed-out visitor is sent to sign in and back to the check", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: lab.duet.url });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await goto(page, "/check");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcheck$/);
  await context.close();
});

test("the check shows the camera, reaches Duet over WebSocket, allocates relays over UDP and TCP, and says calls will go through the relay", async ({
  browser,
}) => {
  const ada = await personAt(browser, "Ada", {});
  await signUpThroughApi(ada);
  const roomId = await createRoomThroughApi(ada, "Ada's room");
  await goto(ada.page, `/check?room=${roomId}`);

  await expect(ada.page.getByTestId("check-verdict")).toHaveText(/^Calls will go through the relay\./, { timeout: 30_000 });
  await expect(step(ada.page, "camera")).toHaveAttribute("data-status", "pass");
  await expect(cameraPreviewPlaying(ada.page)).resolves.toBe(true);
  await expect(step(ada.page, "signaling")).toHaveAttribute("data-status", "pass");
  await expect(stepMessage(ada.page, "signaling")).toHaveText("Duet's realtime server is reachable over WebSocket.");
  await expect(step(ada.page, "stun")).toHaveAttribute("data-status", "warn");
  await expect(stepMessage(ada.page, "stun")).toContainText("No STUN server is configured");
  await expect(step(ada.page, "turn")).toHaveAttribute("data-status", "pass");
  await expect(stepMessage(ada.page, "turn")).toHaveText("Relay allocated over UDP and TCP.");
  await expect(ada.page.getByRole("link", { name: "Back to the room" })).toHaveAttribute("href", `/rooms/${roomId}`);

  await test.step("Run again works from the keyboard and shows progress", async () => {
    const runAgain = ada.page.getByRole("button", { name: "Run again" });
    await runAgain.focus();
    await ada.page.keyboard.press("Enter");
    await expect(ada.page.getByRole("button", { name: "Checking…" })).toBeFocused();
    await expect(ada.page.getByTestId("check-verdict")).toHaveText(/^Calls will go through the relay\./, { timeout: 30_000 });
    await expect(ada.page.getByRole("button", { name: "Run again" })).toBeFocused();
  });
  await ada.context.close();
});

test("when UDP is blocked but TURN over TCP works, the check says calls will go through the relay over TCP, also on a phone-sized screen", async ({
  browser,
}) => {
  // Only the TURN-over-TCP URLs reach the browser's peer connections: UDP to the relay is "blocked".
  const ben = await personAt(browser, "Ben", { turnTransport: "tcp" });
  await ben.page.setViewportSize({ width: 375, height: 740 });
  await signUpThroughApi(ben);
  await goto(ben.page, `/check?room=${await createRoomThroughApi(ben, "Ben's room")}`);

  await expect(ben.page.getByTestId("check-verdict")).toHaveText(/^Calls will go through the relay over TCP\./, { timeout: 30_000 });
  await expect(stepMessage(ben.page, "turn")).toContainText("Relay allocated over TCP.");
  await expect(stepMessage(ben.page, "turn")).toContainText("No relay over UDP");
  expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await ben.context.close();
});

test("with the wrong TURN secret, the check says the relay refused Duet's credentials (401)", async ({ browser }) => {
  const misconfigured = await startDuet({
    port: await freePort(),
    env: { TURN_URLS: `${lab.coturn.urls.udp},${lab.coturn.urls.tcp}`, TURN_SECRET: "not-the-secret-coturn-was-given", STUN_URLS: "" },
  });
  try {
    const eve = await personAt(browser, "Eve", {}, misconfigured.url);
    await signUpThroughApi(eve);
    await goto(eve.page, `/check?room=${await createRoomThroughApi(eve, "Eve's room")}`);
    const verdict = eve.page.getByTestId("check-verdict");
    await expect(verdict).toHaveText(/^Calls from this network will fail: the relay server can't be reached/, { timeout: 30_000 });
    await expect(verdict).toContainText("401");
    await expect(verdict).toContainText("TURN_SECRET");
    await expect(eve.page.getByRole("alert").filter({ hasText: "Calls from this network will fail" })).toBeVisible();
    await expect(step(eve.page, "turn")).toHaveAttribute("data-status", "fail");
    await expect(stepMessage(eve.page, "turn")).toContainText("refused Duet's credentials (401)");
    await eve.context.close();
  } finally {
    await misconfigured.stop();
  }
});

test("opened without one of the person's rooms, the check still tests signaling and STUN, says why the relay wasn't tested, and asks Duet for no relay credentials", async ({
  browser,
}) => {
  const owner = await personAt(browser, "Owner", {});
  const cleo = await personAt(browser, "Cleo", {});
  await Promise.all([signUpThroughApi(owner), signUpThroughApi(cleo)]);
  const someoneElsesRoom = await createRoomThroughApi(owner, "Not Cleo's");
  const credentialRequests: string[] = [];
  cleo.page.on("request", (request) => new URL(request.url()).pathname === "/api/turn" && credentialRequests.push(request.url()));

  for (const [path, why, linkBack] of [
    ["/check", "Open the check from a room to test the relay.", false],
    // A malformed room id is no room at all: no link back either.
    ["/check?room=not-a-room-id", "Open the check from a room to test the relay.", false],
    [`/check?room=${someoneElsesRoom}`, "this link isn't one of your rooms", true],
  ] as const) {
    await test.step(path, async () => {
      await goto(cleo.page, path);
      const verdict = cleo.page.getByTestId("check-verdict");
      // This Duet has no STUN server: only the relay could take a call off the local network.
      await expect(verdict).toContainText("Calls will connect only between people on the same network, unless the relay works.", { timeout: 30_000 });
      await expect(verdict).toContainText(why);
      await expect(step(cleo.page, "signaling")).toHaveAttribute("data-status", "pass");
      await expect(step(cleo.page, "stun")).toHaveAttribute("data-status", "warn");
      await expect(step(cleo.page, "turn")).toHaveAttribute("data-status", "skip");
      await expect(stepMessage(cleo.page, "turn")).toContainText("The relay wasn't tested");
      await expect(stepMessage(cleo.page, "turn")).toContainText(why);
      await expect(cleo.page.getByRole("link", { name: "Back to the room" })).toHaveCount(linkBack ? 1 : 0);
    });
  }
  // Only the room that is not Cleo's was asked about, and Duet gave nothing for it.
  expect(credentialRequests).toEqual([`${lab.duet.url}/api/turn?room=${someoneElsesRoom}`]);
  await Promise.all([owner.context.close(), cleo.context.close()]);
});

async function personAt(browser: Browser, name: string, probe: RecordOptions, baseURL = lab.duet.url): Promise<Person> {
  const context = await browser.newContext({ baseURL });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page, probe);
  return { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "a long enough password", context, page };
}

function step(page: Page, id: string) {
  return page.getByTestId(`check-step-${id}`);
}

function stepMessage(page: Page, id: string) {
  return page.getByTestId(`check-step-${id}-message`);
}

/** The preview shows frames from the (fake) camera, and they keep coming. */
async function cameraPreviewPlaying(page: Page): Promise<boolean> {
  const preview = page.getByTestId("check-camera-preview");
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  const first = await preview.evaluate((video: HTMLVideoElement) => video.currentTime);
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0)).toBe(true);
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(first);
  return true;
}
