import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { guardAgainstCspViolations } from "../support/csp-guard";
import { randomUUID } from "node:crypto";
import { expectRemoteMediaPlaying, mediaFlow, recordPeerConnections } from "../support/call-probe";
import { startDuet, type DuetProcess } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { createRoomThroughApi, goto, joinRoomByLink, signUpThroughApi, type Person } from "../support/people";

// A Duet of this spec's own: the server is killed and started again mid-call, as a crash or
// a deploy would.
let duet: DuetProcess;

test.beforeAll(async () => {
  duet = await startDuet({ port: await freePort() });
});

test.afterAll(async () => {
  await duet?.stop();
});

test("a call keeps its peer connection and its media through a server restart", async ({ browser }) => {
  const [ada, ben] = await twoPeopleInACall(browser, "Through a restart");

  const before = await Promise.all([mediaFlow(ada.page), mediaFlow(ben.page)]);
  await duet.kill();
  await expect(ada.page.getByText("Connection to Duet lost")).toBeVisible();

  await test.step("media keeps flowing while the server is down", async () => {
    for (const [index, person] of [ada, ben].entries()) {
      await expect
        .poll(async () => (await mediaFlow(person.page)).framesDecoded, { message: `${person.name} keeps decoding frames` })
        .toBeGreaterThan(before[index]!.framesDecoded + 20);
    }
  });

  await duet.restart();
  const restartedAt = Date.now();

  await test.step("signaling comes back and the same peer connection carries on", async () => {
    for (const person of [ada, ben]) await expect(person.page.getByText("Connection to Duet lost")).toBeHidden({ timeout: 30_000 });
    console.log(`[measure] server back (healthy) → both sockets reconnected: ${Date.now() - restartedAt} ms`);
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    for (const person of [ada, ben]) {
      expect(await peerConnectionCount(person.page), `${person.name}'s RTCPeerConnections`).toBe(1);
      await expect(person.page.getByTestId("call-status")).toHaveText(`In a call with ${person === ada ? "Ben" : "Ada"}`);
    }
  });

  await test.step("and the call still renegotiates: an ICE restart after the restart connects", async () => {
    const ufrag = await remoteIceUfrag(ben.page);
    await ada.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(() => remoteIceUfrag(ben.page), { message: "Ben sees Ada's new ICE credentials" }).not.toBe(ufrag);
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    for (const person of [ada, ben]) expect(await peerConnectionCount(person.page)).toBe(1);
  });
  await Promise.all([ada.context.close(), ben.context.close()]);
});

test("a network change restarts ICE on the same connection, and the call goes on", async ({ browser }) => {
  const [ada, ben] = await twoPeopleInACall(browser, "Network change");
  const bensCredentialsAsAdaKnowsThem = await remoteIceUfrag(ada.page);
  expect(bensCredentialsAsAdaKnowsThem).toBeTruthy();
  const restartedAt = Date.now();
  // What the browser fires when Wi-Fi hands over to cable, or a VPN comes up.
  await ben.page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect.poll(() => remoteIceUfrag(ada.page), { message: "Ada sees Ben's new ICE credentials" }).not.toBe(bensCredentialsAsAdaKnowsThem);
  await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
  console.log(`[measure] ICE restart on a network change → media playing both ways: ${Date.now() - restartedAt} ms`);
  for (const person of [ada, ben]) expect(await peerConnectionCount(person.page), `${person.name}'s RTCPeerConnections`).toBe(1);
  await Promise.all([ada.context.close(), ben.context.close()]);
});

test("hanging up still ends the call for the other person at once", async ({ browser }) => {
  const [ada, ben] = await twoPeopleInACall(browser, "Hang up");
  await ben.page.getByRole("button", { name: "Leave call" }).click();
  await expect(ada.page.getByTestId("call-status")).toHaveText("Ben left the call");
  await Promise.all([ada.context.close(), ben.context.close()]);
});

async function twoPeopleInACall(browser: Browser, roomName: string): Promise<[Person, Person]> {
  const [ada, ben] = await Promise.all([personAt(browser, "Ada"), personAt(browser, "Ben")]);
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const link = `/rooms/${await createRoomThroughApi(ada, roomName)}`;
  await goto(ada.page, link);
  await joinRoomByLink(ben, link);
  for (const person of [ada, ben]) {
    const join = person.page.getByRole("button", { name: "Join call" });
    await expect(join).toBeEnabled();
    await join.click();
  }
  await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
  return [ada, ben];
}

async function personAt(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: duet.url });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page);
  return { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "a long enough password", context, page };
}

function peerConnectionCount(page: Page): Promise<number> {
  return page.evaluate(() => (window.__duetPeerConnections ?? []).length);
}

/** The ICE username fragment of the other side, as this page's connection knows it: it changes on every ICE restart. */
function remoteIceUfrag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => /a=ice-ufrag:(\S+)/.exec(window.__duetPeerConnections?.[0]?.remoteDescription?.sdp ?? "")?.[1]);
}
