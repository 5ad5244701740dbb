import type { Candidate, Snapshot } from "./lab-probe";
import type { Row } from "./rows";
import type { RowResult } from "./scenarios";

export interface Outcome {
  row: Row;
  result: RowResult;
  seconds: number;
}

const passed = ({ result }: Outcome) => result.failures.length === 0;

function candidate(c: Candidate): string {
  return `${c.candidateType}/${c.protocol}${c.relayProtocol ? ` via ${c.relayProtocol}` : ""}`;
}

function path(own: Snapshot | null): string {
  return own?.pair ? `${candidate(own.pair.local)} → ${candidate(own.pair.remote)}` : "-";
}

/** One line per row as it finishes, so a long run shows progress. */
export function rowLine(outcome: Outcome): string {
  const { row, result, seconds } = outcome;
  const lines = [
    `[${row.name}] ${passed(outcome) ? "PASS" : "FAIL"} in ${seconds.toFixed(1)} s: connected ${result.connected ? "yes" : "no"}; Ada ${path(result.ada)}; Ben ${path(result.ben)}; join → first remote frame ${result.joinToFrameMs ?? "-"} ms`,
    ...result.notes.map((note) => `    ${note}`),
    ...result.failures.map((failure) => `    ✗ ${failure}`),
    ...result.diagnostics.map((line) => `    ${line}`),
  ];
  return lines.join("\n");
}

/** The whole matrix as one table, then the closing `N passed, N failed` line. */
export function matrixTable(outcomes: Outcome[]): string {
  const header = ["row", "expected", "connected", "Ada local → remote", "Ben local → remote", "join→frame ms", "result", "notes"];
  const rows = outcomes.map((outcome) => [
    outcome.row.name,
    outcome.row.expected,
    outcome.result.connected ? "yes" : "no",
    path(outcome.result.ada),
    path(outcome.result.ben),
    outcome.result.joinToFrameMs === null ? "-" : String(outcome.result.joinToFrameMs),
    passed(outcome) ? "pass" : "FAIL",
    [...outcome.result.notes, ...outcome.result.failures.map((failure) => `✗ ${failure}`)].join("; "),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => (column === header.length - 1 ? 0 : cells[column]!.length))));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(" | ")
      .trimEnd();
  const passes = outcomes.filter(passed).length;
  return [
    format(header),
    widths.map((width, column) => "-".repeat(column === header.length - 1 ? "notes".length : width)).join("-|-"),
    ...rows.map(format),
    "",
    `${passes} passed, ${outcomes.length - passes} failed`,
  ].join("\n");
}
