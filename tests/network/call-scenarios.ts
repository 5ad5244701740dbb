import { connectivityCheckPath } from "../../lib/shared/paths";
import { callStatus, callStatusContaining, goto, joinCall } from "./lab-browser";
import { firstRemoteFrameAt, mediaFlowing, snapshot } from "./lab-probe";
import type { RowContext, RowResult } from "./scenarios";

// Generous: CI machines are shared, and a loaded 2-core machine slows every step of a call.
const CALL_TIMEOUT_MS = 45_000;

/** Ben opens the pre-call connectivity check from the room, as a person would before a call, and reads its verdict. */
export async function preCallCheck({ ben, row, roomId }: RowContext, result: RowResult): Promise<void> {
  const page = await ben.context.newPage();
  try {
    // From the room, as its prejoin link does: only a member's check gets relay credentials.
    const response = await goto(page, connectivityCheckPath(roomId));
    if (!response?.ok()) {
      result.notes.push(`check: page answered ${response?.status()}`);
      result.failures.push(`/check answered ${response?.status()}`);
      return;
    }
    const verdict = page.getByTestId("check-verdict");
    const seen = await verdict
      .filter({ hasText: row.expectCheck })
      .waitFor({ timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
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
export async function startCall({ ada, ben, row }: RowContext, result: RowResult): Promise<boolean> {
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
export async function blockedCall({ ada, ben, row }: RowContext, result: RowResult): Promise<void> {
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
