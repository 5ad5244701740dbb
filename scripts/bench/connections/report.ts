/** Every figure of the run in one table: Duet beside the bare relay measured in the same run. */
import type { TPerSocket } from "./heap-summary";
import type { TIdleResult } from "./idle-phase";
import type { TLatencyRun } from "./latency-phase";
import type { TMemoryFigures } from "./memory-probe";
import type { TMemoryRun } from "./memory-phase";
import { options } from "./options";
import type { TRedisFootprint, TRedisRun } from "./redis-phase";
import { kib, mib, ms, percentile, signed } from "./stats";

type TRow = { section: string } | [figure: string, duet: string, bare: string, comparison: string, verdict: string];

const verdict = (pass: boolean, rule: string) => `${pass ? "PASS" : "FAIL"} (${rule})`;

/**
 * Two measures, both must hold. RSS growth is what the issue states; it carries whatever V8
 * keeps: free heap pages and garbage that forced collections do not reclaim (Duet's handshakes
 * leave plenty: Prisma ~1 kB a query). The retained heap (after the heap profiler's collection)
 * is what each socket really keeps alive.
 */
export function memoryRows(duet: TMemoryRun, bare: TMemoryRun): TRow[] {
  const limit = options.memoryRatioLimit;
  const rssGrowth = (run: TMemoryRun) => (run.after.rss - run.before.rss) / run.sockets;
  const retainedGrowth = (run: TMemoryRun) => (run.retained.connected - run.retained.closed) / run.sockets;
  const heapGrowth = (run: TMemoryRun) => (run.after.heapUsed - run.before.heapUsed) / run.sockets;
  const row = (label: string, measure: (run: TMemoryRun) => number, judged: boolean): TRow => {
    const ratio = measure(duet) / measure(bare);
    return [label, kib(measure(duet)), kib(measure(bare)), `${ratio.toFixed(2)}×`, judged ? verdict(ratio <= limit, `≤ ${limit}×`) : ""];
  };
  const committed = (f: TMemoryFigures) => `${mib(f.heapUsed)} (${mib(f.heapTotal)})`;
  return [
    { section: `Memory per socket: ${duet.sockets} sockets, each alone in its own room namespace; growth ÷ sockets` },
    [
      "sockets connected (seconds to connect)",
      `${duet.sockets} (${duet.connectSeconds.toFixed(1)} s)`,
      `${bare.sockets} (${bare.connectSeconds.toFixed(1)} s)`,
      "",
      "",
    ],
    row("RSS growth per socket (after forced GC)", rssGrowth, true),
    row("retained heap growth per socket (heap profiler's GC)", retainedGrowth, true),
    row("heap used growth per socket (after forced GC)", heapGrowth, false),
    ["RSS before → with all sockets", `${mib(duet.before.rss)} → ${mib(duet.after.rss)}`, `${mib(bare.before.rss)} → ${mib(bare.after.rss)}`, "", ""],
    [
      "heap used (committed) before → with all sockets",
      `${committed(duet.before)} → ${committed(duet.after)}`,
      `${committed(bare.before)} → ${committed(bare.after)}`,
      "",
      "",
    ],
    [
      "retained heap with all sockets → all closed",
      `${mib(duet.retained.connected)} → ${mib(duet.retained.closed)}`,
      `${mib(bare.retained.connected)} → ${mib(bare.retained.closed)}`,
      "",
      "",
    ],
  ];
}

const figures = (f: TMemoryFigures) => `RSS ${mib(f.rss)}, heap ${mib(f.heapUsed)}`;

export function idleRows(idle: TIdleResult): TRow[] {
  const vsBare = (f: TMemoryFigures) => `${signed(f.rss - idle.bare.rss, mib)} RSS`;
  const tree = idle.serverTs.tree;
  const rows: TRow[] = [
    { section: "Idle memory, after forced GC (dist/server.js and the ladder as plain node, as deployed; the relays alone under tsx's loader)" },
    ["bare relay, idle", "", figures(idle.bare), "", ""],
    ["realtime server alone, idle", figures(idle.realtime.idle), figures(idle.bare), vsBare(idle.realtime.idle), ""],
    ["realtime server alone, after its first socket", figures(idle.realtime.used), figures(idle.bare), vsBare(idle.realtime.used), ""],
    ["dist/server.js (Next + realtime), idle", figures(idle.serverTs.idle), figures(idle.bare), vsBare(idle.serverTs.idle), ""],
    ["dist/server.js after one request to each public page", figures(idle.serverTs.used), figures(idle.bare), vsBare(idle.serverTs.used), ""],
    [
      "`node dist/server.js` process tree (RSS)",
      mib(tree.reduce((sum, p) => sum + p.rss, 0)),
      "",
      tree.map((p) => `${p.command} ${mib(p.rss)}`).join(", "),
      "",
    ],
    { section: "Where dist/server.js's memory goes: loading it layer by layer in one process (Δ = that layer, given the ones above)" },
  ];
  idle.ladder.forEach(({ step, figures: f }, i) => {
    const previous = idle.ladder[i - 1]?.figures;
    const delta = previous ? `Δ ${signed(f.rss - previous.rss, mib)} RSS, ${signed(f.heapUsed - previous.heapUsed, mib)} heap` : "";
    rows.push([step, `${figures(f)}, code ${mib(f.code)}`, "", delta, ""]);
  });
  return rows;
}

export function latencyRows(runs: TLatencyRun[]): TRow[] {
  const duet = runs.find((run) => run.kind === "duet")!;
  const bare = runs.find((run) => run.kind === "bare")!;
  const [d50, b50] = [percentile(duet.samples, 50), percentile(bare.samples, 50)];
  const [d95, b95] = [percentile(duet.samples, 95), percentile(bare.samples, 95)];
  const rate = (run: TLatencyRun) => `${run.sentPerSecond.toFixed(0)} → ${run.receivedPerSecond.toFixed(0)}`;
  return [
    {
      section: `Relay latency: ${options.busyRooms} busy rooms (2 members each, ${options.busyRatePerRoom} signal:candidate/s per room), probe room A → B every ${options.probeIntervalMs} ms, ${options.probeRounds} rounds × ${options.probeSeconds} s per server, taking turns`,
    },
    ["busy traffic, candidates/s sent → received", rate(duet), rate(bare), "", ""],
    // Less received than sent: the server (or the machine) could not keep up, and the probe
    // then measures a queue, not the relay; the figures below say little about either server.
    ...runs
      .filter((run) => run.receivedPerSecond < 0.99 * run.sentPerSecond)
      .map((run): TRow => [`  ${run.kind} fell behind: latency below is a queue's`, "", "", "", ""]),
    [
      "server CPU per relayed candidate (user + system)",
      `${duet.cpuMicrosPerMessage.toFixed(1)} µs`,
      `${bare.cpuMicrosPerMessage.toFixed(1)} µs`,
      `${(duet.cpuMicrosPerMessage / bare.cpuMicrosPerMessage).toFixed(2)}×`,
      "",
    ],
    [
      "probe samples (lost; refused by limits)",
      `${duet.samples.length} (${duet.lost}; ${duet.refused})`,
      `${bare.samples.length} (${bare.lost}; ${bare.refused})`,
      "",
      "",
    ],
    [
      "relay p50",
      ms(d50),
      ms(b50),
      signed(d50 - b50, ms),
      verdict(d50 <= b50 + options.latencyAllowanceMs, `≤ bare + ${options.latencyAllowanceMs} ms`),
    ],
    ["relay p95", ms(d95), ms(b95), signed(d95 - b95, ms), ""],
  ];
}

const footprint = (f: TRedisFootprint) => `${f.shardChannels} / ${f.channels} / ${f.patterns}`;

export function redisRows(run: TRedisRun): TRow[] {
  const back =
    run.after.shardChannels === run.before.shardChannels && run.after.channels === run.before.channels && run.after.patterns === run.before.patterns;
  return [
    { section: `Redis: ${run.churn.rooms + run.churn.failed} rooms opened and closed on two nodes (owner on one, guest on the other)` },
    [
      "rooms opened and closed (failed), seconds",
      `${run.churn.rooms} (${run.churn.failed}), ${run.churn.seconds.toFixed(1)} s`,
      "",
      run.churn.firstError ?? "",
      "",
    ],
    ["shard channels / channels / NUMPAT: before", footprint(run.before), "", "", ""],
    ["… at the peak", footprint(run.peak), "", "", ""],
    ["… after every room closed", footprint(run.after), "", "", verdict(back, "back to where they started")],
  ];
}

export function printTable(rows: TRow[]): void {
  const header = ["figure", "Duet", "bare relay", "Duet vs bare", "verdict"];
  const cells = rows.filter((row): row is Exclude<TRow, { section: string }> => Array.isArray(row));
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]!))
      .join(" │ ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("─┼─");
  console.log(line(header));
  for (const row of rows) {
    if (Array.isArray(row)) console.log(line(row));
    else console.log(`${rule}\n${row.section}`);
  }
}

/** With BENCH_HEAP_SNAPSHOTS: what one socket holds, by constructor, Duet beside the bare relay (largest differences first). */
export function heapRows(duet: TMemoryRun, bare: TMemoryRun): TRow[] {
  if (!duet.heapPerSocket || !bare.heapPerSocket) return [];
  const bareByKey = new Map(bare.heapPerSocket.map((row) => [row.key, row]));
  const keys = new Set([...duet.heapPerSocket, ...bare.heapPerSocket].map((row) => row.key));
  const bytes = (rows: TPerSocket[] | null, key: string) => rows?.find((row) => row.key === key)?.bytes ?? 0;
  const cell = (row: TPerSocket | undefined) => (row ? `${row.bytes.toFixed(0)} B (${row.count.toFixed(2)})` : "");
  const sorted = [...keys].sort(
    (a, b) => bytes(duet.heapPerSocket, b) - bytes(bare.heapPerSocket, b) - (bytes(duet.heapPerSocket, a) - bytes(bare.heapPerSocket, a)),
  );
  const total = (rows: TPerSocket[]) => rows.reduce((sum, row) => sum + row.bytes, 0);
  return [
    { section: "Heap per socket by constructor, from heap snapshots before and with all sockets (bytes, objects per socket)" },
    [
      "total",
      `${total(duet.heapPerSocket).toFixed(0)} B`,
      `${total(bare.heapPerSocket).toFixed(0)} B`,
      `${(total(duet.heapPerSocket) / total(bare.heapPerSocket)).toFixed(2)}×`,
      "",
    ],
    ...sorted.slice(0, 15).map((key): TRow => {
      const duetRow = duet.heapPerSocket!.find((row) => row.key === key);
      return [
        key,
        cell(duetRow),
        cell(bareByKey.get(key)),
        signed(bytes(duet.heapPerSocket, key) - bytes(bare.heapPerSocket, key), (n) => `${n.toFixed(0)} B`),
        "",
      ];
    }),
  ];
}
