/**
 * One measured run of one server kind, checked against the database; and the sum of a
 * phase's runs (the kinds take turns, a few runs each, so all see the same machine).
 */
import { randomUUID } from "node:crypto";
import type { BenchChild } from "./child-process";
import type { Cluster } from "./cluster";
import type { Member } from "./fixtures";
import type { RunResult } from "./protocol";
import { percentiles, type Percentiles } from "./stats";
import { verifyStored, type StoredCheck } from "./verify-stored";

export interface RoundResult extends RunResult {
  measureMs: number;
  /** The server nodes' CPU time during the measured window, µs. */
  cpuMicros: number;
  stored: StoredCheck;
  /** Relayed copies missing (acknowledged to one member, never received by the other) and extra. */
  relay: { missing: number; extra: number };
}

export interface PhaseResult {
  messagesPerSecond: number;
  ackMs: Percentiles;
  /** CPU time of the server processes (not PostgreSQL's, not Redis's) per acknowledged message, µs. */
  cpuMicrosPerMessage: number;
  stored: StoredCheck;
  relay: { missing: number; extra: number };
  failedAcks: number;
  unanswered: number;
}

const NOT_STORING: StoredCheck = { stored: 0, problems: 0, detail: [] };

export interface RoundOptions {
  loader: BenchChild;
  cluster: Cluster;
  databaseUrl: string;
  members: Member[];
  inFlight: number;
  warmupMs: number;
  measureMs: number;
}

export async function runRound({ loader, cluster, databaseUrl, members, inFlight, warmupMs, measureMs }: RoundOptions): Promise<RoundResult> {
  const runTag = `${cluster.kind}-${inFlight}-${randomUUID().slice(0, 8)}`;
  // CPU time per message hardly depends on what else the machine runs, unlike messages/s.
  // One sample at a time: each is a request to every node.
  let sampled = Promise.resolve([] as number[]);
  const sample = () => (sampled = sampled.then(async (taken) => [...taken, await cluster.cpuMicros()]));
  const run = await loader.request<RunResult>({ run: { kind: cluster.kind, inFlight, warmupMs, measureMs, runTag } }, sample);
  const [atStart = 0, atEnd = 0] = await sampled;
  const ackedByAuthor = new Map(members.map((member, i) => [member.authorId, run.acked[i]!]));
  // The floor stores nothing by design: only its relaying and acks are checked.
  const stored = cluster.kind === "relay" ? NOT_STORING : await verifyStored(databaseUrl, runTag, ackedByAuthor);
  // Clients come in pairs, one room each: what one had acknowledged, the other must receive.
  const relay = { missing: 0, extra: 0 };
  run.delivered.forEach((count, i) => {
    relay.missing += Math.max(0, run.acked[i ^ 1]! - count);
    relay.extra += Math.max(0, count - run.acked[i ^ 1]!);
  });
  return { ...run, measureMs, cpuMicros: atEnd - atStart, stored, relay };
}

export function sumRounds(rounds: RoundResult[]): PhaseResult {
  const acked = rounds.reduce((sum, round) => sum + round.ackedInWindow, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.measureMs, 0) / 1000;
  return {
    messagesPerSecond: acked / seconds,
    ackMs: percentiles(rounds.flatMap((round) => round.latencies)),
    cpuMicrosPerMessage: rounds.reduce((sum, round) => sum + round.cpuMicros, 0) / acked,
    stored: {
      stored: rounds.reduce((sum, round) => sum + round.stored.stored, 0),
      problems: rounds.reduce((sum, round) => sum + round.stored.problems, 0),
      detail: rounds.flatMap((round) => round.stored.detail),
    },
    relay: {
      missing: rounds.reduce((sum, round) => sum + round.relay.missing, 0),
      extra: rounds.reduce((sum, round) => sum + round.relay.extra, 0),
    },
    failedAcks: rounds.reduce((sum, round) => sum + round.failedAcks, 0),
    unanswered: rounds.reduce((sum, round) => sum + round.unanswered, 0),
  };
}
