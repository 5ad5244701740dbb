import { CALL_STEPS } from "./call-steps";
import type { CallSample } from "./measure-call";
import { percentile } from "./percentiles";

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));
const signed = (value: number) => (Number.isNaN(value) ? "-" : `${value >= 0 ? "+" : ""}${value.toFixed(1)}`);

/**
 * Where the time goes: each step's median for both, so a difference in the totals can be
 * found in one step. "Relayed" steps hold the server and the receiving page's queue of tasks:
 * a busy page reads its socket late. Medians of steps do not add up to the median total.
 */
export function printCallSteps({ bare, duet }: { bare: CallSample[]; duet: CallSample[] }): void {
  console.log(`\nWhere the time goes: median ms of each step (the first person offers, the second answers)\n`);
  console.log(`${"".padEnd(36)}${"bare".padStart(8)}${"Duet".padStart(8)}${"Δ".padStart(8)}`);
  CALL_STEPS.forEach((step, i) => {
    const median = (samples: CallSample[]) =>
      percentile(
        samples.flatMap((sample) => (sample.steps[i] === null || sample.steps[i] === undefined ? [] : [sample.steps[i]])),
        50,
      );
    const [b, d] = [median(bare), median(duet)];
    console.log(`${step.label.padEnd(36)}${ms(b).padStart(8)}${ms(d).padStart(8)}${signed(d - b).padStart(8)}`);
  });
}
