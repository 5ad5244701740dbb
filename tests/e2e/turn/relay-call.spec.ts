import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { guardAgainstCspViolations } from "../support/csp-guard";
import { randomUUID } from "node:crypto";
import type { TIceConfig } from "../../../lib/shared/turn";
import { expectRemoteMediaPlaying, recordPeerConnections, type RecordOptions } from "../support/call-probe";
import { useRelayedDuet } from "../support/relayed-duet";
import { createRoomThroughApi, goto, joinRoomByLink, signUpThroughApi, type Person } from "../support/people";
import { gatherRelayCandidates, selectedCandidatePair } from "./relay-probe";

// A real coturn on loopback and a Duet of our own that hands out its TURN credentials, with no
// STUN: the browsers' only way to each other is the relay.
const lab = useRelayedDuet();

for (const transport of ["udp", "tcp"] as const) {
  test(`two browsers that may only relay see and hear each other through coturn, TURN over ${transport.toUpperCase()}`, async ({ browser }) => {
    const probe: RecordOptions = { forceRelay: true, turnTransport: transport };
    const [host, guest] = await Promise.all([personAt(browser, "Ada", probe), personAt(browser, "Ben", probe)]);
    await Promise.all([signUpThroughApi(host), signUpThroughApi(guest)]);
    const link = await createRoom(host, `Relay over ${transport}`);
    await Promise.all([goto(host.page, link), joinRoomByLink(guest, link)]);

    await joinCall(host.page);
    await expect(host.page.getByTestId("call-status")).toHaveText("You're in the call.");
    const joinedAt = Date.now();
    await joinCall(guest.page);
    await Promise.all([expectRemoteMediaPlaying(host.page), expectRemoteMediaPlaying(guest.page)]);
    const elapsed = Date.now() - joinedAt;
    test.info().annotations.push({ type: `relay-${transport}-join-to-media-ms`, description: String(elapsed) });
    console.log(`[measure] relayed call: join → media playing both ways: ${elapsed} ms (TURN over ${transport.toUpperCase()})`);

    for (const person of [host, guest]) {
      const pair = await selectedCandidatePair(person.page);
      expect(pair, `${person.name}'s selected candidate pair`).toMatchObject({
        state: "succeeded",
        local: { candidateType: "relay", relayProtocol: transport, address: lab.coturn.host },
        remote: { candidateType: "relay", address: lab.coturn.host },
      });
      // The other side's relay address is one coturn allocated.
      expect(pair?.remote.port).toBeGreaterThanOrEqual(lab.coturn.relayPorts.min);
      expect(pair?.remote.port).toBeLessThanOrEqual(lab.coturn.relayPorts.max);
    }
    await Promise.all([host.context.close(), guest.context.close()]);
  });
}

test("coturn refuses an expired TURN credential with 401 and relays with the fresh one from /api/turn", async ({ browser }) => {
  const eve = await personAt(browser, "Eve", {});
  await signUpThroughApi(eve);
  const roomId = await createRoomThroughApi(eve, "Eve's calls");
  const response = await eve.context.request.get(`/api/turn?room=${roomId}`);
  expect(response.ok()).toBe(true);
  const { iceServers } = (await response.json()) as TIceConfig;
  const turn = iceServers.find((server) => server.username);
  if (!turn) throw new Error(`GET /api/turn offered no TURN server: ${JSON.stringify(iceServers)}`);
  const { expiresAt, userId } = parseTurnUsername(turn.username);
  expect(expiresAt).toBeGreaterThan(Date.now() / 1000);
  // Duet signs with the secret coturn was started with.
  expect(lab.coturn.credential(userId, expiresAt)).toEqual({ username: turn.username, credential: turn.credential });

  await goto(eve.page, "/");
  // Correctly signed, but its expiry passed a minute ago.
  const expired = { urls: turn.urls, ...lab.coturn.credential(userId, Math.floor(Date.now() / 1000) - 60) };
  const refused = await gatherRelayCandidates(eve.page, expired);
  expect(refused.candidateTypes).toEqual([]);
  const refusals = serverErrorCodes(refused.errors);
  expect(refusals.length).toBeGreaterThan(0);
  expect(refusals).toEqual(refusals.map(() => 401));

  const accepted = await gatherRelayCandidates(eve.page, turn);
  expect(serverErrorCodes(accepted.errors)).toEqual([]);
  // One relay candidate per TURN URL (UDP and TCP), nothing else under the relay policy.
  expect(accepted.candidateTypes.length).toBeGreaterThanOrEqual(2);
  expect(new Set(accepted.candidateTypes)).toEqual(new Set(["relay"]));
  await eve.context.close();
});

test("when coturn refuses the credential, the call says it can't connect and shows the 401", async ({ browser }) => {
  const [host, guest] = await Promise.all([personAt(browser, "Ada", { forceRelay: true }), personAt(browser, "Ben", { forceRelay: true })]);
  await Promise.all([signUpThroughApi(host), signUpThroughApi(guest)]);
  const link = await createRoom(host, "Refused relay");
  for (const person of [host, guest]) {
    // Time flows normally; the test skips only the app's 20 s wait before it calls a call stalled.
    await person.page.clock.install();
    await person.page.route(
      (url) => url.pathname === "/api/turn",
      async (route) => {
        // The room fetches credentials as soon as it opens; a request the page dropped
        // meanwhile (a navigation) has nobody left to answer.
        const response = await route.fetch().catch(() => null);
        if (!response) return route.abort().catch(() => {});
        const config = (await response.json()) as TIceConfig;
        const pastExpiry = Math.floor(Date.now() / 1000) - 60;
        const iceServers = config.iceServers.map((server) =>
          server.username ? { ...server, ...lab.coturn.credential(parseTurnUsername(server.username).userId, pastExpiry) } : server,
        );
        await route.fulfill({ response, json: { ...config, iceServers } });
      },
    );
  }
  await Promise.all([goto(host.page, link), joinRoomByLink(guest, link)]);
  await joinCall(host.page);
  await expect(host.page.getByTestId("call-status")).toHaveText("You're in the call.");
  await joinCall(guest.page);

  for (const person of [host, guest]) {
    await expect(person.page.getByTestId("call-status")).toHaveText(/^Connecting to /);
    // Every TURN allocation has been answered (refused) before the clock jumps.
    await expect.poll(() => iceGatheringState(person.page), { message: `${person.name}'s ICE gathering` }).toBe("complete");
  }
  for (const person of [host, guest]) {
    await person.page.clock.fastForward(20_000);
    const status = person.page.getByTestId("call-status");
    await expect(status).toContainText("The call can't connect: the relay server refused Duet's credentials");
    await expect(status).toContainText(`${lab.coturn.host}:${lab.coturn.port}`);
    await expect(status).toContainText("401");
  }
  await Promise.all([host.context.close(), guest.context.close()]);
});

/** A person with their own browser profile on this spec's Duet. */
async function personAt(browser: Browser, name: string, probe: RecordOptions): Promise<Person> {
  const context = await browser.newContext({ baseURL: lab.duet.url });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page, probe);
  return { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "a long enough password", context, page };
}

async function createRoom(owner: Person, name: string): Promise<string> {
  return `/rooms/${await createRoomThroughApi(owner, name)}`;
}

async function joinCall(page: Page): Promise<void> {
  const join = page.getByRole("button", { name: "Join call" });
  await expect(join).toBeEnabled();
  await join.click();
}

/** Error codes from the TURN server, without 701: no route from one of this machine's interfaces. */
function serverErrorCodes(errors: { errorCode: number }[]): number[] {
  return errors.map((error) => error.errorCode).filter((code) => code !== 701);
}

/** A TURN REST username is "<expiry unix seconds>:<user id>". */
function parseTurnUsername(username: string | undefined): { expiresAt: number; userId: string } {
  const [, expiresAt, userId] = /^(\d+):(.+)$/.exec(username ?? "") ?? [];
  if (!expiresAt || !userId) throw new Error(`not a TURN REST username: ${username}`);
  return { expiresAt: Number(expiresAt), userId };
}

function iceGatheringState(page: Page): Promise<string> {
  return page.evaluate(() => [...(window.__duetPeerConnections ?? [])].pop()?.iceGatheringState ?? "none");
}
