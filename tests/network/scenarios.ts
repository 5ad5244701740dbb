import { callStatus, callStatusContaining, goto, joinCall, typeChat, type Person } from "./lab-browser";
import { firstRemoteFrameAt, iceLog, mediaFlowing, pollFor, snapshot, type Snapshot } from "./lab-probe";
import type { LabDuet } from "./lab-services";
import { cutLink, restoreLink, type Client } from "./lab-topology";
import type { Row } from "./rows";

export interface RowContext {
  row: Row;
  ada: Person;
  ben: Person;
  benClient: Client;
  duet: LabDuet;
}

export interface RowResult {
  connected: boolean;
  ada: Snapshot | null;
  ben: Snapshot | null;
  joinToFrameMs: number | null;
  /** Figures and what people saw, for the table. */
  notes: string[];
  /** Every way the row did not behave as expected; empty when it passed. */
  failures: string[];
  /** On failure: each page's ICE timeline, for the row's own report (not the table). */
  diagnostics: string[];
}

// Generous: CI machines are shared, and a loaded 2-core machine slows every step of a call.
const CALL_TIMEOUT_MS = 45_000;

/** Runs one row's scenario in an already-built network, with both people in the room. */
export async function runScenario(ctx: RowContext): Promise<RowResult> {
  const result: RowResult = { connected: false, ada: null, ben: null, joinToFrameMs: null, notes: [], failures: [], diagnostics: [] };
  if (ctx.row.expectCheck) await preCallCheck(ctx, result);
  switch (ctx.row.scenario) {
    case "call":
      await startCall(ctx, result);
      break;
    case "blocked":
      await blockedCall(ctx, result);
      break;
    case "link-drop":
      if (await startCall(ctx, result)) await dropLink(ctx, result);
      break;
    case "signaling-restart":
      if (await startCall(ctx, result)) await restartSignaling(ctx, result);
      break;
  }
  if (result.failures.length > 0) {
    for (const person of [ctx.ada, ctx.ben]) result.diagnostics.push(`${person.name}'s ICE: ${(await iceLog(person.page)).join(", ")}`);
  }
  return result;
}

/** Ben opens the pre-call connectivity check, as a person would before a call, and reads its verdict. */
async function preCallCheck({ ben, row }: RowContext, result: RowResult): Promise<void> {
  const page = await ben.context.newPage();
  try {
    const response = await goto(page, "/check");
    if (!response?.ok()) {
      result.notes.push(`check: page answered ${response?.status()}`);
      result.failures.push(`/check answered ${response?.status()}`);
      return;
    }
    const verdict = page.getByTestId("check-verdict");
    const seen = await verdict.filter({ hasText: row.expectCheck }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
    const text = ((await verdict.textContent({ timeout: 1_000 }).catch(() => null)) ?? "(no verdict)").trim();
    result.notes.push(`check: "${text}"`);
    if (!seen) result.failures.push(`check verdict lacks "${row.expectCheck}"`);
  } finally {
    await page.close();
  }
}

/**
 * Ada joins and waits alone; then Ben joins. Times Ben's join → both sides showing a decoded
 * remote frame, then confirms media flows and checks the selected candidate pairs.
 */
async function startCall({ ada, ben, row }: RowContext, result: RowResult): Promise<boolean> {
  await joinCall(ada);
  const alone = await callStatusContaining(ada, "You're in the call", 20_000);
  if (!alone.seen) {
    result.failures.push(`Ada could not join: "${alone.status}"`);
    return false;
  }
  const joinedAt = Date.now();
  await joinCall(ben);
  const frames = await Promise.all([firstRemoteFrameAt(ada.page, CALL_TIMEOUT_MS), firstRemoteFrameAt(ben.page, CALL_TIMEOUT_MS)]);
  if (frames.every((at) => at !== null)) result.joinToFrameMs = Math.max(...(frames as number[])) - joinedAt;
  const [adaFlow, benFlow] = await Promise.all([mediaFlowing(ada.page, 10_000), mediaFlowing(ben.page, 10_000)]);
  result.ada = adaFlow ?? (await snapshot(ada.page));
  result.ben = benFlow ?? (await snapshot(ben.page));
  result.connected = adaFlow !== null && benFlow !== null;
  if (!result.connected) {
    result.failures.push(`no media both ways within ${CALL_TIMEOUT_MS / 1000} s (Ben saw: "${await callStatus(ben)}")`);
    return false;
  }
  const wrongPath = row.expectPath?.(result.ada, result.ben);
  if (wrongPath) result.failures.push(wrongPath);
  return true;
}

/** The call must not connect, and Ben (behind the blocking router) must be told why. */
async function blockedCall({ ada, ben, row }: RowContext, result: RowResult): Promise<void> {
  await joinCall(ada);
  await callStatusContaining(ada, "You're in the call", 20_000);
  await joinCall(ben);
  const told = await callStatusContaining(ben, row.expectStatus!, 45_000);
  const adaSaw = await callStatus(ada);
  result.ada = await snapshot(ada.page);
  result.ben = await snapshot(ben.page);
  result.connected = result.ada.connectionState === "connected" || result.ben.connectionState === "connected";
  result.notes.push(`Ben saw: "${told.status}"`, `Ada saw: "${adaSaw}"`);
  if (result.connected) result.failures.push("the call connected, but UDP is blocked and there is no relay");
  if (!told.seen) result.failures.push(`Ben was not told "${row.expectStatus}" within 45 s`);
}

/**
 * Cuts Ben's wire for the row's outage, restores it, and times how long until both sides
 * decode new frames again. The same RTCPeerConnection must carry the call before and after.
 */
async function dropLink({ ada, ben, benClient, row }: RowContext, result: RowResult): Promise<void> {
  const before = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  const logged = (await iceLog(ben.page)).length;
  cutLink(benClient);
  // The outage itself is the scenario: a fixed 5 s cut, not a wait for some condition.
  await new Promise((resolve) => setTimeout(resolve, row.outageMs));
  const during = await snapshot(ada.page);
  restoreLink(benClient);
  const restoredAt = Date.now();
  const back = await Promise.all([framesRisingAt(ada, 45_000), framesRisingAt(ben, 45_000)]);
  const after = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  [result.ada, result.ben] = after;
  if (during.framesDecoded - before[0].framesDecoded > 40) result.failures.push("Ada kept decoding during the cut: the cut did not cut");
  if (back.some((at) => at === null)) {
    result.connected = false;
    result.failures.push(`media did not come back within 45 s of the link (Ben saw: "${await callStatus(ben)}")`);
  } else {
    result.notes.push(`recovered ${Math.max(...(back as number[])) - restoredAt} ms after the link returned`);
  }
  // Informational: Chromium's ICE can ride out a short loss by itself, without a restart.
  const restarted = after.every((now, i) => now.remoteUfrag !== before[i]!.remoteUfrag);
  const states = (await iceLog(ben.page)).slice(logged).map((line) => line.split(" ").at(-1));
  result.notes.push(`ICE restart: ${restarted ? "yes" : "no"}`, `Ben's ICE since the cut: ${states.join(" → ") || "unchanged"}`);
  samePeerConnection(result, after);
}

/**
 * SIGKILLs Duet mid-call and starts it again on the same data and address. Media must keep
 * flowing peer to peer throughout; a message Ben types while the server is down must reach
 * Ada exactly once after it is back.
 */
async function restartSignaling({ ada, ben, duet }: RowContext, result: RowResult): Promise<void> {
  const text = `typed while the server was down ${Date.now().toString(36)}`;
  await duet.kill();
  const downAt = Date.now();
  await typeChat(ben, text);
  const restarting = duet.start();
  // Look at media on both sides through the outage, about once a second: each look at the same
  // connection must show more decoded frames than the last. Looks taken after the server was
  // back do not count; a rebuilt connection is reported by samePeerConnection below.
  const looks: Array<{ at: number; sides: Snapshot[] }> = [];
  let serverBack = false;
  void restarting.then(() => (serverBack = true), () => (serverBack = true));
  while (!serverBack) {
    looks.push({ at: Date.now(), sides: await Promise.all([snapshot(ada.page), snapshot(ben.page)]) });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const backAt = await restarting;
  result.notes.push(`server down ${backAt - downAt} ms`);
  const during = looks.filter(({ at }) => at < backAt);
  const stalls = during.slice(1).flatMap(({ at, sides }, i) =>
    sides.flatMap((own, side) => {
      const previous = during[i]!.sides[side]!;
      const stalled = own.peerConnections === previous.peerConnections && own.framesDecoded <= previous.framesDecoded;
      return stalled ? [`${side === 0 ? "Ada" : "Ben"}'s framesDecoded stood at ${own.framesDecoded} at +${at - downAt} ms`] : [];
    }),
  );
  if (during.length < 2) result.failures.push("the server came back too fast to watch media through the outage");
  if (stalls.length > 0) result.failures.push(`media stalled while the server was down: ${stalls.slice(0, 2).join("; ")}`);

  const adaMessages = ada.page.getByTestId("chat-message").filter({ hasText: text });
  const arrived = await adaMessages.first().waitFor({ timeout: 30_000 }).then(() => Date.now(), () => null);
  if (arrived === null) result.failures.push("the message typed during the outage never reached Ada");
  else result.notes.push(`message delivered ${arrived - backAt} ms after the server was back`);
  const benMessage = ben.page.getByTestId("chat-message").filter({ hasText: text });
  // Once Ada has it, Ben's copy should turn "sent" promptly; if Ada never got it, just look.
  const sentWithin = arrived === null ? 1 : 15_000;
  const sent = await benMessage.and(ben.page.locator('[data-status="sent"]')).first().waitFor({ timeout: sentWithin }).then(() => true, () => false);
  if (!sent) result.failures.push(`Ben's message is not marked sent (it says: "${((await benMessage.first().textContent().catch(() => "")) ?? "").trim()}")`);
  const counts = [await adaMessages.count(), await benMessage.count()];
  if (counts.some((count) => count !== 1)) result.failures.push(`the message shows ${counts[0]}× for Ada and ${counts[1]}× for Ben, expected once each`);

  const flowing = await Promise.all([mediaFlowing(ada.page, 20_000), mediaFlowing(ben.page, 20_000)]);
  result.connected = flowing.every(Boolean);
  [result.ada, result.ben] = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  if (!result.connected) result.failures.push("media is not flowing after the restart");
  samePeerConnection(result, [result.ada, result.ben]);
}

function samePeerConnection(result: RowResult, snapshots: Snapshot[]): void {
  const counts = snapshots.map((own) => own.peerConnections);
  if (counts.some((count) => count !== 1)) result.failures.push(`peer connections made: Ada ${counts[0]}, Ben ${counts[1]} (expected the same one throughout)`);
}

/** Epoch ms at which this person's newest connection is connected and decoding new frames again. */
function framesRisingAt(person: Person, timeoutMs: number): Promise<number | null> {
  let baseline: { pcs: number; frames: number } | undefined;
  return pollFor(async () => {
    const now = await snapshot(person.page);
    // A new connection counts from zero: it is a different call, but media did come back.
    if (!baseline || baseline.pcs !== now.peerConnections) baseline = { pcs: now.peerConnections, frames: now.framesDecoded };
    else if (now.connectionState === "connected" && now.framesDecoded > baseline.frames) return Date.now();
    return undefined;
  }, timeoutMs, 50);
}
