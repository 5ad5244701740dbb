export interface Goal {
  /** The goal, kB gzipped... */
  kb: number;
  /** ...written when its empty Next app weighed this much (Next 15's figure; Next 16 ships more). */
  emptyKb: number;
}

export interface Weighed {
  name: string;
  path: string;
  scripts: number;
  /** Script bodies as transferred (gzip). */
  jsBytes: number;
  /** The HTML document as transferred; it carries the page's inline RSC payload. */
  htmlBytes: number;
  goal?: Goal;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const signed = (bytes: number) => `${bytes >= 0 ? "+" : ""}${kb(bytes)}`;

/**
 * Prints one row per page, the first row being the baseline, with two verdicts per goal: the
 * goal as written, and the same budget over the empty app of this run (the goal minus the empty
 * app it was written against), which is what Duet's own code controls.
 */
export function printWeights(rows: Weighed[]): void {
  const [baseline] = rows;
  if (!baseline) throw new Error("no pages weighed");
  console.log("\nCold load, JavaScript transferred (gzip), kB = 1000 bytes; HTML for context\n");
  console.log(
    [
      "page".padEnd(24),
      "scripts".padStart(8),
      "JS kB".padStart(8),
      "vs empty".padStart(10),
      "HTML kB".padStart(9),
      "  goal as written",
      "   budget over empty",
    ].join(""),
  );
  for (const row of rows) {
    const over = row.jsBytes - baseline.jsBytes;
    let verdicts = "";
    if (row.goal) {
      const budget = (row.goal.kb - row.goal.emptyKb) * 1000;
      const asWritten = `≤ ${row.goal.kb}: ${row.jsBytes <= row.goal.kb * 1000 ? "MET" : "NOT MET"}`;
      verdicts = `  ${asWritten.padEnd(16)}   ≤ +${row.goal.kb - row.goal.emptyKb}: ${over <= budget ? "MET" : "NOT MET"}`;
    }
    console.log(
      [
        row.name.padEnd(24),
        String(row.scripts).padStart(8),
        kb(row.jsBytes).padStart(8),
        (row === baseline ? "" : signed(over)).padStart(10),
        kb(row.htmlBytes).padStart(9),
        verdicts,
      ].join(""),
    );
  }
  const goals = rows.filter((row) => row.goal);
  if (goals.length > 0) {
    const { emptyKb } = goals[0]!.goal!;
    console.log(
      `\nThe goals were written beside an empty Next app of ${emptyKb} kB; this run's empty app (same Next and React as Duet) weighs ${kb(baseline.jsBytes)} kB.`,
    );
  }
}
