/** The benchmark's table and its verdict lines: Duet beside the bare baseline of the same run. */
import type { TDatabaseProvider } from "../../../lib/server/db/database-url";
import type { PhaseResult } from "./measure";
import type { TServerKind } from "./protocol";

export interface Row {
  provider: TDatabaseProvider;
  nodes: number;
  inFlight: number;
  results: Record<TServerKind, PhaseResult>;
}

export const GOALS = { minRatio: 0.5, maxP99Ms: 25 } as const;

const PROVIDER_NAMES: Record<TDatabaseProvider, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
const rate = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => value.toFixed(1);
/** Rounded down, so a ratio just under a goal never reads as meeting it. */
const times = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}×`;
const cpu = (result: PhaseResult) => Math.round(result.cpuMicrosPerMessage).toString();
const intact = (result: PhaseResult) =>
  result.stored.problems === 0 && result.relay.missing + result.relay.extra === 0 && result.failedAcks === 0 && result.unanswered === 0;

export function describeRow({ provider, nodes, inFlight }: Pick<Row, "provider" | "nodes" | "inFlight">): string {
  return `${PROVIDER_NAMES[provider]}, ${nodes} node${nodes > 1 ? "s" : ""}, ${inFlight} in flight`;
}

function cells(result: PhaseResult): string[] {
  const { p50, p95, p99 } = result.ackMs;
  return [
    rate(result.messagesPerSecond).padStart(7),
    ms(p50).padStart(6),
    ms(p95).padStart(6),
    ms(p99).padStart(6),
    cpu(result).padStart(6),
    (intact(result) ? "yes" : "NO").padStart(7),
  ];
}

export function printTable(rows: Row[]): void {
  const head = (name: string) =>
    `${name.padStart(7)}${"p50".padStart(6)}${"p95".padStart(6)}${"p99".padStart(6)}${"CPU".padStart(6)}${"intact".padStart(7)}`;
  console.log(`\n${"".padEnd(34)}│ ${head("bare/s")} │ ${head("Duet/s")} │ Duet/bare: msg/s   CPU │ floor/s   p50   p99   CPU`);
  for (const row of rows) {
    const { bare, duet, relay } = row.results;
    const ratios = `${times(duet.messagesPerSecond / bare.messagesPerSecond).padStart(16)}${times(duet.cpuMicrosPerMessage / bare.cpuMicrosPerMessage).padStart(7)}`;
    const floor = [
      rate(relay.messagesPerSecond).padStart(8),
      ms(relay.ackMs.p50).padStart(6),
      ms(relay.ackMs.p99).padStart(6),
      cpu(relay).padStart(6),
    ].join("");
    console.log(`${describeRow(row).padEnd(34)}│ ${cells(bare).join("")} │ ${cells(duet).join("")} │${ratios} │${floor}`);
  }
}

/** One line per row: PASS only if every goal that applies to it holds. Returns whether every run was intact. */
export function printVerdicts(rows: Row[]): boolean {
  console.log(
    `\nGoals: Duet ≥ ${GOALS.minRatio}× the baseline's messages/s; Duet ack p99 ≤ ${GOALS.maxP99Ms} ms at 1 in flight; nothing lost, duplicated or reordered (both servers; the floor relays and acks all)`,
  );
  let passed = 0;
  let everyRunIntact = true;
  for (const row of rows) {
    const { bare, duet, relay } = row.results;
    const ratio = duet.messagesPerSecond / bare.messagesPerSecond;
    const checks = [`${times(ratio)} baseline msg/s ${ratio >= GOALS.minRatio ? "≥" : "<"} ${GOALS.minRatio}×`];
    const allIntact = intact(bare) && intact(duet) && intact(relay);
    let pass = ratio >= GOALS.minRatio && allIntact;
    if (row.inFlight === 1) {
      checks.push(
        `ack p99 ${ms(duet.ackMs.p99)} ms ${duet.ackMs.p99 <= GOALS.maxP99Ms ? "≤" : ">"} ${GOALS.maxP99Ms} ms (bare ${ms(bare.ackMs.p99)}, ` +
          `floor ${ms(relay.ackMs.p99)}${relay.ackMs.p99 > GOALS.maxP99Ms ? ": over the goal with nothing stored" : ""})`,
      );
      pass &&= duet.ackMs.p99 <= GOALS.maxP99Ms;
    }
    checks.push(`stored ${rate(duet.stored.stored)} / ${rate(bare.stored.stored)} (Duet / bare) ${allIntact ? "intact" : "NOT INTACT"}`);
    console.log(`${pass ? "PASS" : "FAIL"}  ${describeRow(row).padEnd(32)} ${checks.join("; ")}`);
    for (const [kind, result] of Object.entries(row.results)) {
      for (const line of result.stored.detail.slice(0, 5)) console.log(`      ${kind}: ${line}`);
      if (result.failedAcks || result.unanswered || result.relay.missing || result.relay.extra) {
        const { missing, extra } = result.relay;
        console.log(
          `      ${kind}: ${result.failedAcks} failed acks, ${result.unanswered} unanswered, ${missing} relayed copies missing, ${extra} extra`,
        );
      }
    }
    if (pass) passed++;
    everyRunIntact &&= allIntact;
  }
  console.log(`${passed} of ${rows.length} rows meet every goal.`);
  return everyRunIntact;
}
