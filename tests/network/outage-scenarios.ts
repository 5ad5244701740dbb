import { callStatus, callStatusContaining, typeChat, type Person } from "./lab-browser";
import { iceLog, mediaFlowing, pollFor, snapshot, type Snapshot } from "./lab-probe";
import { cutLink, restoreLink } from "./lab-topology";
import type { RowContext, RowResult } from "./scenarios";

/**
 * Cuts Ben's wire for the row's outage, restores it, and times how long until both sides
 * decode new frames again. The same RTCPeerConnection must carry the call before and after.
 */
export async function dropLink({ ada, ben, benClient, row }: RowContext, result: RowResult): Promise<void> {
  const before = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  const logged = (await iceLog(ben.page)).length;
  cutLink(benClient);
  const cutAt = Date.now();
  // What Ada is told while Ben is gone, watched through the cut.
  const peerStatus = row.expectPeerStatus ? callStatusContaining(ada, row.expectPeerStatus, row.outageMs ?? 0) : null;
  // The outage itself is the scenario: a fixed cut, not a wait for some condition.
  await new Promise((resolve) => setTimeout(resolve, (row.outageMs ?? 0) - (Date.now() - cutAt)));
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
  if (row.expectIceRestart && !restarted) result.failures.push("the call recovered without the ICE restart this row expects");
  const told = await peerStatus;
  if (told) {
    if (told.seen) result.notes.push(`Ada was told "${row.expectPeerStatus}…" during the cut`);
    else result.failures.push(`Ada was not told "${row.expectPeerStatus}…" during the cut (she saw: "${told.status}")`);
  }
  samePeerConnection(result, after);
}

/**
 * SIGKILLs Duet mid-call and starts it again on the same data and address. Media must keep
 * flowing peer to peer throughout; a message Ben types while the server is down must reach
 * Ada exactly once after it is back.
 */
const MIN_OUTAGE_MS = 5_000;

export async function restartSignaling({ ada, ben, duet }: RowContext, result: RowResult): Promise<void> {
  const text = `typed while the server was down ${Date.now().toString(36)}`;
  await duet.kill();
  const downAt = Date.now();
  await typeChat(ben, text);
  // The outage lasts at least this long, however fast the server starts again (the compiled
  // server is back in about a second), so media is watched through a real outage.
  const restarting = new Promise((resolve) => setTimeout(resolve, MIN_OUTAGE_MS)).then(() => duet.start());
  // Look at media on both sides through the outage, about once a second. Media has stopped when
  // a connection shows no new decoded frame across two seconds (one slow second is what a loaded
  // 2-core machine does to a decoder, not an outage). Looks taken after the server was back do
  // not count; a rebuilt connection is reported by samePeerConnection below.
  const looks: Array<{ at: number; sides: Snapshot[] }> = [];
  let serverBack = false;
  void restarting.then(
    () => (serverBack = true),
    () => (serverBack = true),
  );
  while (!serverBack) {
    looks.push({ at: Date.now(), sides: await Promise.all([snapshot(ada.page), snapshot(ben.page)]) });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const backAt = await restarting;
  result.notes.push(`server down ${backAt - downAt} ms`);
  const during = looks.filter(({ at }) => at < backAt);
  const stalls = during.slice(2).flatMap(({ at, sides }, i) =>
    sides.flatMap((own, side) => {
      const earlier = during[i]!.sides[side]!;
      const stalled = own.peerConnections === earlier.peerConnections && own.framesDecoded <= earlier.framesDecoded;
      return stalled ? [`${side === 0 ? "Ada" : "Ben"}'s framesDecoded stood at ${own.framesDecoded} for 2 s at +${at - downAt} ms`] : [];
    }),
  );
  if (during.length < 3) result.failures.push("the server came back too fast to watch media through the outage");
  if (stalls.length > 0) result.failures.push(`media stalled while the server was down: ${stalls.slice(0, 2).join("; ")}`);

  const adaMessages = ada.page.getByTestId("chat-message").filter({ hasText: text });
  const arrived = await adaMessages
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => Date.now(),
      () => null,
    );
  if (arrived === null) result.failures.push("the message typed during the outage never reached Ada");
  else result.notes.push(`message delivered ${arrived - backAt} ms after the server was back`);
  const benMessage = ben.page.getByTestId("chat-message").filter({ hasText: text });
  // Once Ada has it, Ben's copy should turn "sent" promptly; if Ada never got it, just look.
  const sentWithin = arrived === null ? 1 : 15_000;
  const sent = await benMessage
    .and(ben.page.locator('[data-status="sent"]'))
    .first()
    .waitFor({ timeout: sentWithin })
    .then(
      () => true,
      () => false,
    );
  if (!sent)
    result.failures.push(
      `Ben's message is not marked sent (it says: "${(
        (await benMessage
          .first()
          .textContent()
          .catch(() => "")) ?? ""
      ).trim()}")`,
    );
  const counts = [await adaMessages.count(), await benMessage.count()];
  if (counts.some((count) => count !== 1))
    result.failures.push(`the message shows ${counts[0]}× for Ada and ${counts[1]}× for Ben, expected once each`);

  const flowing = await Promise.all([mediaFlowing(ada.page, 20_000), mediaFlowing(ben.page, 20_000)]);
  result.connected = flowing.every(Boolean);
  [result.ada, result.ben] = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  if (!result.connected) result.failures.push("media is not flowing after the restart");
  samePeerConnection(result, [result.ada, result.ben]);
}

function samePeerConnection(result: RowResult, snapshots: Snapshot[]): void {
  const counts = snapshots.map((own) => own.peerConnections);
  if (counts.some((count) => count !== 1))
    result.failures.push(`peer connections made: Ada ${counts[0]}, Ben ${counts[1]} (expected the same one throughout)`);
}

/** Epoch ms at which this person's newest connection is connected and decoding new frames again. */
function framesRisingAt(person: Person, timeoutMs: number): Promise<number | null> {
  let baseline: { pcs: number; frames: number } | undefined;
  return pollFor(
    async () => {
      const now = await snapshot(person.page);
      // A new connection counts from zero: it is a different call, but media did come back.
      if (!baseline || baseline.pcs !== now.peerConnections) baseline = { pcs: now.peerConnections, frames: now.framesDecoded };
      else if (now.connectionState === "connected" && now.framesDecoded > baseline.frames) return Date.now();
      return undefined;
    },
    timeoutMs,
    50,
  );
}
