import type { TDatabaseProvider } from "../../../lib/server/db/database-url";
import type { TTiming } from "./measure";

export interface TTimingRow {
  provider: TDatabaseProvider;
  what: string;
  /** The app's data function, through Prisma. */
  app: TTiming;
  /** The same queries in hand-written SQL, through the driver. */
  raw: TTiming;
  budgetMs: number;
}

export interface TExportRow {
  provider: TDatabaseProvider;
  format: string;
  bytes: number;
  ms: number;
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  heapLimitMb: number;
}

const ms = (value: number) => value.toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function printTimings(rows: TTimingRow[]): void {
  console.log("\nQueries (ms; app = the data function through Prisma, raw = the same SQL through the driver)\n");
  console.log(
    table(
      ["database", "query", "app p50", "app p95", "raw p50", "raw p95", "budget p95", "verdict"],
      rows.map((row) => [
        row.provider,
        row.what,
        ms(row.app.p50),
        ms(row.app.p95),
        ms(row.raw.p50),
        ms(row.raw.p95),
        `≤ ${row.budgetMs}`,
        row.app.p95 <= row.budgetMs ? "ok" : "OVER BUDGET",
      ]),
    ),
  );
}

export function printExports(rows: TExportRow[], messages: number): void {
  console.log(
    `\nExport of the ${messages.toLocaleString("en")}-message room, streamed, in a child process with a ${rows[0]?.heapLimitMb ?? "?"} MB heap limit\n`,
  );
  console.log(
    table(
      ["database", "format", "size", "time", "RSS at start", "peak RSS", "peak heap used"],
      rows.map((row) => [
        row.provider,
        row.format,
        `${(row.bytes / 1024 / 1024).toFixed(1)} MB`,
        `${(row.ms / 1000).toFixed(1)} s`,
        `${row.startRssMb.toFixed(0)} MB`,
        `${row.peakRssMb.toFixed(0)} MB`,
        `${row.peakHeapMb.toFixed(0)} MB`,
      ]),
    ),
  );
}
