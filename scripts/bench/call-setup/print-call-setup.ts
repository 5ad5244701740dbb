import type { CallSample } from "./measure-call";
import { formatDelta, formatMs } from "./format-ms";
import { percentile } from "./percentiles";

interface Row {
  label: string;
  pick: (sample: CallSample) => number;
  /** The goals: Duet's p50 at most this much over the bare p50, and its p95 at most `p95Ms`. */
  p50OverBareMs: number;
  p95Ms?: number;
}

const ROWS: Row[] = [
  { label: "first remote frame, both sides", pick: (s) => s.frameBoth, p50OverBareMs: 20, p95Ms: 400 },
  { label: "first remote frame, joiner", pick: (s) => s.frameJoiner, p50OverBareMs: 20, p95Ms: 400 },
  { label: "connected, both sides", pick: (s) => s.connected, p50OverBareMs: 20 },
];

/** Prints p50/p95/max of each figure for both, their differences and the goals' verdicts. */
export function printCallSetup({
  bare,
  duet,
  runs,
  warmup,
  chat,
}: {
  bare: CallSample[];
  duet: CallSample[];
  runs: number;
  warmup: number;
  chat: number;
}): void {
  console.log(`\nCall setup: ms from the second person's Join call click; ${runs} calls each (after ${warmup} not counted), alternating`);
  console.log(`Duet's rooms hold ${chat} chat messages; the bare page has no chat`);
  console.log(`measured calls: bare ${bare.length}, Duet ${duet.length}\n`);
  const head = ["", "bare p50", "p95", "max", "Duet p50", "p95", "max", "Δp50", "Δp95"];
  console.log([head[0]!.padEnd(32), ...head.slice(1).map((cell) => cell.padStart(9))].join("") + "   goals");
  for (const row of ROWS) {
    const b = bare.map(row.pick);
    const d = duet.map(row.pick);
    const [b50, b95, d50, d95] = [percentile(b, 50), percentile(b, 95), percentile(d, 50), percentile(d, 95)];
    const verdicts = [`p50 ≤ bare+${row.p50OverBareMs}: ${d50 <= b50 + row.p50OverBareMs ? "MET" : "NOT MET"}`];
    if (row.p95Ms !== undefined) {
      verdicts.push(`p95 ≤ ${row.p95Ms}: ${d95 <= row.p95Ms ? "MET" : "NOT MET"}`);
    }
    const cells = [b50, b95, percentile(b, 100), d50, d95, percentile(d, 100)].map((value) => formatMs(value));
    console.log(
      [row.label.padEnd(32), ...cells.map((cell) => cell.padStart(9)), formatDelta(d50 - b50).padStart(9), formatDelta(d95 - b95).padStart(9)].join(
        "",
      ) + `   ${verdicts.join("; ")}`,
    );
  }
}
