/**
 * Relay latency in one room: member A emits `signal:candidate`, member B receives it; the two
 * sockets live in this process, which does nothing else, so both timestamps come from one clock
 * and one quiet event loop. The direction alternates, as a real exchange of candidates does.
 */
import type { Socket } from "socket.io-client";
import { candidate } from "./traffic";

const LOST_AFTER_MS = 2000;

export interface TProbeResult {
  samples: number[];
  lost: number;
}

export async function probeLatency(
  [a, b]: [Socket, Socket],
  { seconds, intervalMs }: { seconds: number; intervalMs: number },
): Promise<TProbeResult> {
  const result: TProbeResult = { samples: [], lost: 0 };
  const deadline = performance.now() + seconds * 1000;
  for (let seq = 0; performance.now() < deadline; seq++) {
    const [from, to] = seq % 2 === 0 ? [a, b] : [b, a];
    const latency = await oneTrip(from, to, `probe-${seq}`);
    if (latency === null) result.lost += 1;
    else result.samples.push(latency);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return result;
}

function oneTrip(from: Socket, to: Socket, tag: string): Promise<number | null> {
  const payload = { candidate: candidate(tag) };
  return new Promise((resolve) => {
    const onCandidate = (relayed: typeof payload) => {
      if (relayed.candidate?.candidate !== payload.candidate.candidate) return;
      done(performance.now() - started);
    };
    const timer = setTimeout(() => done(null), LOST_AFTER_MS);
    const done = (latency: number | null) => {
      clearTimeout(timer);
      to.off("signal:candidate", onCandidate);
      resolve(latency);
    };
    to.on("signal:candidate", onCandidate);
    const started = performance.now();
    from.emit("signal:candidate", payload);
  });
}
