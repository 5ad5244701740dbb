/**
 * `npm run bench:history`: the history features over a room of a million messages, on SQLite
 * and PostgreSQL. Seeds each database by bulk SQL, then times, ~50 runs each after a warm-up,
 * the app's own data functions beside the same queries in hand-written SQL:
 *   timeline newest page and a permalink page deep in the history (budget p95 ≤ 50 ms),
 *   search in the room for a rare and a common word, and across all my rooms (p95 ≤ 100 ms),
 * and exports the room as Markdown and JSON in a child process with a 128 MB heap, reporting
 * its peak RSS. Knobs: BENCH_SHORT=1 (the CI-sized run `npm run bench` shares with the other
 * benchmarks: 100,000 messages, 20 runs), BENCH_HISTORY_MESSAGES (default 1000000),
 * BENCH_HISTORY_RUNS (50), BENCH_DATABASES or BENCH_HISTORY_PROVIDERS (sqlite,postgresql),
 * BENCH_HISTORY_KEEP=1 (keep the seeded databases and reuse them on the next run of the same
 * size), TEST_POSTGRES_URL (the PostgreSQL server, default the machine's own).
 * A query over its budget is marked in the table; like every benchmark here, the exit status
 * does not depend on speed.
 */
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { promisify } from "node:util";
import { createDbClient } from "../../../lib/server/db/create-db-client";
import type { TDatabaseProvider } from "../../../lib/server/db/database-url";
import { listTimeline } from "../../../lib/server/history/list-timeline";
import { searchMessages } from "../../../lib/server/messages/search-messages";
import { searchWalks } from "../../../lib/server/messages/search-messages-postgresql";
import { migrateDatabase } from "../../lib/migrate-database";
import { COMMON_WORD, RARE_WORD } from "./bench-data";
import { benchDatabase } from "./bench-databases";
import { time, type TTiming } from "./measure";
import { openRawDb, rawNewestPage, rawPermalinkPage, rawSearch } from "./raw-queries";
import { printExports, printTimings, type TExportRow, type TTimingRow } from "./report";
import { findSeeded, seedDatabase } from "./seed-database";

const SHORT = process.env.BENCH_SHORT === "1";
const MESSAGES = Number(process.env.BENCH_HISTORY_MESSAGES ?? (SHORT ? 100_000 : 1_000_000));
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? (SHORT ? 20 : 50));
const PROVIDERS = (process.env.BENCH_HISTORY_PROVIDERS ?? process.env.BENCH_DATABASES ?? "sqlite,postgresql")
  .split(",")
  .map((name) => name.trim()) as TDatabaseProvider[];
const KEEP = process.env.BENCH_HISTORY_KEEP === "1";
const PAGE = 50;
const RESULTS = 20;
const PAGE_BUDGET_MS = 50;
const SEARCH_BUDGET_MS = 100;
const EXPORT_HEAP_MB = 128;

async function benchProvider(provider: TDatabaseProvider): Promise<{ timings: TTimingRow[]; exports: TExportRow[] }> {
  const database = await benchDatabase(provider, MESSAGES, KEEP);
  try {
    await migrateDatabase(database.url);
    let rooms = KEEP ? await findSeeded(provider, database.url, MESSAGES) : null;
    if (rooms) console.log(`${provider}: reusing the seeded database (${database.url})`);
    else {
      const started = performance.now();
      rooms = await seedDatabase(provider, database.url, MESSAGES, (done, total) => {
        if (done % 100_000 < 5_000 || done === total)
          process.stdout.write(`\r${provider}: seeding ${done.toLocaleString("en")} / ${total.toLocaleString("en")} messages`);
      });
      console.log(`\n${provider}: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const { busyRoomId, otherRoomId, userId, deepMessageId } = rooms;
    const db = createDbClient(database.url);
    const raw = await openRawDb(provider, database.url);
    const timings: TTimingRow[] = [];
    // The plan PostgreSQL's search picks for these words, for the raw SQL to use the same one.
    const walks = async (terms: string[], rooms: number) => provider === "postgresql" && (await searchWalks(db, terms, rooms, RESULTS + 1));
    const row = async (what: string, budgetMs: number, app: () => Promise<unknown>, rawSql: () => Promise<unknown>) => {
      const appTiming: TTiming = await time(app, RUNS);
      const rawTiming: TTiming = await time(rawSql, RUNS);
      timings.push({ provider, what, app: appTiming, raw: rawTiming, budgetMs });
    };
    try {
      await row(
        "timeline: newest page",
        PAGE_BUDGET_MS,
        () => listTimeline(db, { roomId: busyRoomId, limit: PAGE }),
        () => rawNewestPage(raw, busyRoomId, PAGE),
      );
      await row(
        "timeline: permalink page, 10 % in",
        PAGE_BUDGET_MS,
        () => listTimeline(db, { roomId: busyRoomId, around: deepMessageId, limit: PAGE }),
        () => rawPermalinkPage(raw, busyRoomId, deepMessageId, PAGE / 2),
      );
      for (const [label, word] of [
        [`rare word "${RARE_WORD}"`, RARE_WORD],
        [`common word "${COMMON_WORD}"`, COMMON_WORD],
      ] as const) {
        const walk = await walks([word], 1);
        await row(
          `search in room: ${label}`,
          SEARCH_BUDGET_MS,
          () => searchMessages(db, { userId, roomId: busyRoomId, query: word, limit: RESULTS }),
          () => rawSearch(raw, [busyRoomId], [word], RESULTS, walk),
        );
      }
      await row(
        `search all my rooms: "meeting tomorrow"`,
        SEARCH_BUDGET_MS,
        () => searchMessages(db, { userId, query: "meeting tomorrow", limit: RESULTS }),
        async () => rawSearch(raw, [busyRoomId, otherRoomId], ["meeting", "tomorrow"], RESULTS, await walks(["meeting", "tomorrow"], 2)),
      );
      await row(
        `search all my rooms: rare word`,
        SEARCH_BUDGET_MS,
        () => searchMessages(db, { userId, query: RARE_WORD, limit: RESULTS }),
        async () => rawSearch(raw, [busyRoomId, otherRoomId], [RARE_WORD], RESULTS, await walks([RARE_WORD], 2)),
      );
    } finally {
      await raw.close();
      await db.$disconnect();
    }
    const exports: TExportRow[] = [];
    for (const format of ["markdown", "json"] as const)
      exports.push({ provider, format, ...(await exportInChild(database.url, busyRoomId, userId, format)) });
    return { timings, exports };
  } finally {
    await database.release();
  }
}

const run = promisify(execFile);

async function exportInChild(url: string, roomId: string, userId: string, format: string) {
  const child = path.join(__dirname, "export-child.ts");
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${EXPORT_HEAP_MB}`, "--import", "tsx", child, url, roomId, userId, format], {
    maxBuffer: 1024 * 1024,
  });
  const measured = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
    bytes: number;
    ms: number;
    startRssMb: number;
    peakRssMb: number;
    peakHeapMb: number;
  };
  return { ...measured, heapLimitMb: EXPORT_HEAP_MB };
}

async function main(): Promise<void> {
  console.log(`History benchmark: ${MESSAGES.toLocaleString("en")} messages in one room, ${RUNS} runs per query, on ${PROVIDERS.join(" and ")}.`);
  const timings: TTimingRow[] = [];
  const exports: TExportRow[] = [];
  for (const provider of PROVIDERS) {
    const result = await benchProvider(provider);
    timings.push(...result.timings);
    exports.push(...result.exports);
  }
  printTimings(timings);
  printExports(exports, MESSAGES);
  const over = timings.filter((row) => row.app.p95 > row.budgetMs);
  if (over.length > 0) console.log(`\n${over.length} quer${over.length === 1 ? "y" : "ies"} over budget (marked above).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
