import { callStatus, callStatusContaining, typeChat } from "./lab-browser";
import { framesRisingAt, iceLog, mediaFlowing, snapshot, watchDecodedFrames, type Snapshot } from "./lab-probe";
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
  // The outage itself is the scenario: a cut of fixed length, through which Ada's decoder is watched.
  const outageMs = row.outageMs ?? 0;
  const during = await watchDecodedFrames(ada.page, { frames: 0, until: cutAt + outageMs, timeoutMs: outageMs + 10_000 });
  restoreLink(benClient);
  const restoredAt = Date.now();
  const back = await Promise.all([framesRisingAt(ada.page, 45_000), framesRisingAt(ben.page, 45_000)]);
  const after = await Promise.all([snapshot(ada.page), snapshot(ben.page)]);
  [result.ada, result.ben] = after;
  if (during.frames > 40) result.failures.push("Ada kept decoding during the cut: the cut did not cut");
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
  // The server stays down at least this long, however fast it could start again (the compiled
  // server is back in about a second), so media is watched through a real outage, inside both
  // pages. Media has stopped when a side decodes no new frame for over two seconds (one slow
  // second is what a loaded 2-core machine does to a decoder, not an outage); a rebuilt
  // connection is reported by samePeerConnection below.
  const watched = await Promise.all(
    [ada, ben].map((person) => watchDecodedFrames(person.page, { frames: 1, until: downAt + MIN_OUTAGE_MS, timeoutMs: MIN_OUTAGE_MS + 10_000 })),
  );
  const backAt = await duet.start();
  result.notes.push(`server down ${backAt - downAt} ms`);
  const stalls = watched.flatMap(({ maxGapMs }, side) =>
    maxGapMs > 2_000 ? [`${side === 0 ? "Ada" : "Ben"}'s framesDecoded stood still for ${maxGapMs} ms`] : [],
  );
  if (stalls.length > 0) result.failures.push(`media stalled while the server was down: ${stalls.join("; ")}`);

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
