/**
 * Relay latency under load: busy rooms (both members in the call, exchanging signal:candidate
 * at a steady rate) while a probe room measures A → B. Duet and the bare relay each hold the
 * same rooms at once, and take turns carrying the load, round after round, so a neighbour's
 * burst of work on this shared machine lands on both.
 */
import { roomNamespace } from "../../../lib/shared/paths";
import { spawnChild, type TChild } from "./child";
import { startServer, type TServerKind } from "./memory-phase";
import { options } from "./options";
import type { TProbeResult } from "./probe";
import type { TSeededRoom } from "./seed-bulk";
import type { TTarget } from "./sockets";
import type { TTrafficCounts } from "./traffic";

export interface TLatencyRun {
  kind: TServerKind;
  samples: number[];
  lost: number;
  /** signal:candidate per second the load clients sent and received, over the probe windows. */
  sentPerSecond: number;
  receivedPerSecond: number;
  refused: number;
  /** The server process's CPU time (user + system) per candidate it relayed, over the busy windows. */
  cpuMicrosPerMessage: number;
}

interface TServerUnderTest {
  kind: TServerKind;
  server: TChild;
  loaders: TChild[];
  probe: TChild;
}

const member = (room: TSeededRoom, role: "owner" | "guest"): TTarget => ({
  namespace: roomNamespace(room.roomId),
  cookie: (role === "owner" ? room.owner : room.guest!).cookie,
});

async function prepare(kind: TServerKind, databaseUrl: string, busy: TSeededRoom[], probeRoom: TSeededRoom): Promise<TServerUnderTest> {
  const server = startServer(kind);
  const roles = ["owner", "guest"] as const;
  const loaders = roles.map(() => spawnChild("load-client.ts"));
  const probe = spawnChild("load-client.ts");
  // Signaling is limited per connection as in production; every socket stays far below it.
  const { url } = await server.request<{ url: string }>("start", { databaseUrl, limits: "signaling" });
  // The owners in one load process, the guests in the other: every message crosses processes, as between two browsers.
  await Promise.all(
    loaders.map((loader, i) =>
      loader.request("open", { url, targets: busy.map((room) => member(room, roles[i]!)), concurrency: options.connectConcurrency }),
    ),
  );
  await probe.request("open", { url, targets: [member(probeRoom, "owner"), member(probeRoom, "guest")], concurrency: 2 });
  await Promise.all([...loaders, probe].map((client) => client.request("join-calls")));
  return { kind, server, loaders, probe };
}

async function probeUnderLoad({
  server,
  loaders,
  probe,
}: TServerUnderTest): Promise<TProbeResult & { traffic: TTrafficCounts; seconds: number; cpuMicros: number }> {
  const perSocketPerSecond = options.busyRatePerRoom / 2;
  const cpu = () => server.request<NodeJS.CpuUsage>("cpu").then(({ user, system }) => user + system);
  const cpuBefore = await cpu();
  const started = performance.now();
  await Promise.all(loaders.map((loader) => loader.request("traffic-start", { perSocketPerSecond })));
  await new Promise((resolve) => setTimeout(resolve, options.settleMs));
  const result = await probe.request<TProbeResult>("probe", { seconds: options.probeSeconds, intervalMs: options.probeIntervalMs });
  const counts = await Promise.all(loaders.map((loader) => loader.request<TTrafficCounts>("traffic-stop")));
  const traffic = counts.reduce((sum, c) => ({ sent: sum.sent + c.sent, received: sum.received + c.received, refused: sum.refused + c.refused }));
  return { ...result, traffic, seconds: (performance.now() - started) / 1000, cpuMicros: (await cpu()) - cpuBefore };
}

export async function measureRelayLatency(databaseUrl: string, busy: TSeededRoom[], probeRoom: TSeededRoom): Promise<TLatencyRun[]> {
  const servers: TServerUnderTest[] = [];
  try {
    for (const kind of ["duet", "bare"] as const) servers.push(await prepare(kind, databaseUrl, busy, probeRoom));
    const runs = new Map<TServerKind, TLatencyRun>(
      servers.map(({ kind }) => [kind, { kind, samples: [], lost: 0, sentPerSecond: 0, receivedPerSecond: 0, refused: 0, cpuMicrosPerMessage: 0 }]),
    );
    const seconds = new Map<TServerKind, number>();
    for (let round = 0; round < options.probeRounds; round++) {
      // ABBA: each server goes first once every two rounds.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const target of order) {
        const result = await probeUnderLoad(target);
        const run = runs.get(target.kind)!;
        run.samples.push(...result.samples);
        run.lost += result.lost;
        run.sentPerSecond += result.traffic.sent;
        run.receivedPerSecond += result.traffic.received;
        run.refused += result.traffic.refused;
        run.cpuMicrosPerMessage += result.cpuMicros;
        seconds.set(target.kind, (seconds.get(target.kind) ?? 0) + result.seconds);
      }
    }
    return [...runs.values()].map((run) => ({
      ...run,
      sentPerSecond: run.sentPerSecond / seconds.get(run.kind)!,
      receivedPerSecond: run.receivedPerSecond / seconds.get(run.kind)!,
      // Summed above: CPU time over every window, and every candidate sent (the sum of sentPerSecond's counts).
      cpuMicrosPerMessage: run.cpuMicrosPerMessage / run.sentPerSecond,
    }));
  } finally {
    await Promise.all(servers.flatMap(({ server, loaders, probe }) => [server, probe, ...loaders]).map((child) => child.stop()));
  }
}
