import { CALL_STEPS } from "./call-steps";
import type { CallSample } from "./measure-call";
import { formatDelta, formatMs } from "./format-ms";
import { percentile } from "./percentiles";

/** The median of step `i` over the calls that have it. */
const medianOf = (samples: CallSample[], i: number) =>
  percentile(
    samples.flatMap(({ steps }) => steps[i] ?? []),
    50,
  );

/**
 * Where the time goes: each step's median for both, so a difference in the totals can be
 * found in one step. "Relayed" steps hold the server and the receiving page's queue of tasks:
 * a busy page reads its socket late. Medians of steps do not add up to the median total.
 */
export function printCallSteps({ bare, duet }: { bare: CallSample[]; duet: CallSample[] }): void {
  console.log(`\nWhere the time goes: median ms of each step (the first person offers, the second answers)\n`);
  console.log(`${"".padEnd(36)}${"bare".padStart(8)}${"Duet".padStart(8)}${"Δ".padStart(8)}`);
  CALL_STEPS.forEach((step, i) => {
    const [b, d] = [medianOf(bare, i), medianOf(duet, i)];
    console.log(`${step.label.padEnd(36)}${formatMs(b, 1).padStart(8)}${formatMs(d, 1).padStart(8)}${formatDelta(d - b, 1).padStart(8)}`);
  });
}
