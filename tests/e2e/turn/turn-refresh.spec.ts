import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { guardAgainstCspViolations } from "../support/csp-guard";
import { randomUUID } from "node:crypto";
import { expectRemoteMediaPlaying, recordPeerConnections } from "../support/call-probe";
import { useRelayedDuet } from "../support/relayed-duet";
import { createRoomThroughApi, goto, joinRoomByLink, signUpThroughApi, type Person } from "../support/people";
import { selectedCandidatePair } from "./relay-probe";

// TURN credentials that live 20 s, so a short call outlives several of them.
const TTL_SECONDS = 20;
const lab = useRelayedDuet({ transports: ["udp"], env: { TURN_TTL_SECONDS: String(TTL_SECONDS) } });

test("a relayed call outlives several TURN credentials, and an ICE restart after the first expired uses a fresh one", async ({ browser }) => {
  test.setTimeout(180_000);
  const [ada, ben] = await Promise.all([personAt(browser, "Ada"), personAt(browser, "Ben")]);
  const fetches = { ada: countTurnFetches(ada.page), ben: countTurnFetches(ben.page) };
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const link = `/rooms/${await createRoomThroughApi(ada, "Short-lived credentials")}`;
  await goto(ada.page, link);
  await joinRoomByLink(ben, link);
  for (const person of [ada, ben]) {
    const join = person.page.getByRole("button", { name: "Join call" });
    await expect(join).toBeEnabled();
    await join.click();
  }
  await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
  const firstExpiry = await turnExpiry(ada.page);

  await test.step("the browsers fetch fresh credentials before each one expires, and media keeps flowing", async () => {
    // Past two and a half lifetimes of the first credential.
    await expect
      .poll(() => fetches.ada.count + fetches.ben.count, { message: "credential refreshes", timeout: TTL_SECONDS * 3_000 })
      .toBeGreaterThanOrEqual(6);
    await expect.poll(() => Date.now() / 1000, { timeout: TTL_SECONDS * 2_000 }).toBeGreaterThan(firstExpiry + TTL_SECONDS / 2);
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    expect(await turnExpiry(ada.page)).toBeGreaterThan(Date.now() / 1000);
  });

  await test.step("an ICE restart after the first credential expired reconnects through the relay", async () => {
    const adasCredentialsAsBenKnowsThem = await remoteIceUfrag(ben.page);
    await ada.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(() => remoteIceUfrag(ben.page), { message: "Ben sees Ada's restarted ICE" }).not.toBe(adasCredentialsAsBenKnowsThem);
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    for (const person of [ada, ben]) {
      expect(await person.page.evaluate(() => window.__duetPeerConnections?.length)).toBe(1);
      expect(await selectedCandidatePair(person.page)).toMatchObject({ local: { candidateType: "relay" }, remote: { candidateType: "relay" } });
    }
    expect(lab.coturn.log()).not.toMatch(/\b401\b/);
  });
  await Promise.all([ada.context.close(), ben.context.close()]);
});

async function personAt(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: lab.duet.url });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page, { forceRelay: true });
  return { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "a long enough password", context, page };
}

function countTurnFetches(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/turn" && response.ok()) counter.count += 1;
  });
  return counter;
}

/** The expiry (unix seconds) in the TURN username the page's connection uses now. */
function turnExpiry(page: Page): Promise<number> {
  return page.evaluate(() => {
    const username = window.__duetPeerConnections?.[0]?.getConfiguration().iceServers?.find((server) => server.username)?.username ?? "";
    return Number(username.split(":")[0]);
  });
}

function remoteIceUfrag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => /a=ice-ufrag:(\S+)/.exec(window.__duetPeerConnections?.[0]?.remoteDescription?.sdp ?? "")?.[1]);
}
