import { bothAt, stepDurations, type PageTimes } from "./call-steps";
import type { CallSetupTarget } from "./targets";

export interface CallSample {
  /** Both people's remote video has presented a frame. */
  frameBoth: number;
  /** The person who joined second sees the other's video. */
  frameJoiner: number;
  /** Both RTCPeerConnections are "connected". */
  connected: number;
  /** ms of each of CALL_STEPS, in order. */
  steps: Array<number | null>;
}

const CALL_TIMEOUT_MS = 30_000;

/** One call in a fresh room: ms from the second person's click on Join call, as each page timed it. */
export async function measureCall(target: CallSetupTarget): Promise<CallSample> {
  const room = await target.openRoom();
  try {
    const joinAt = await room.second.evaluate(() => window.__benchJoin());
    const [first, second] = await Promise.all(
      [room.first, room.second].map(async (page) => {
        await page.waitForFunction(() => window.__bench.frameAt !== null && window.__bench.connectedAt !== null, null, { timeout: CALL_TIMEOUT_MS });
        return (await page.evaluate(() => window.__bench)) as PageTimes;
      }),
    );
    const pages = { first: first!, second: second! };
    return {
      frameBoth: bothAt(pages, "frameAt") - joinAt,
      frameJoiner: second!.frameAt - joinAt,
      connected: bothAt(pages, "connectedAt") - joinAt,
      steps: stepDurations(pages, joinAt),
    };
  } finally {
    await room.close();
  }
}
