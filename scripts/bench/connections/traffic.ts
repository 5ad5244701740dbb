/**
 * Busy rooms: every socket sends `signal:candidate` at a steady rate, spread evenly over time
 * (one timer for the whole process, not one per socket), and counts what it receives.
 */
import type { Socket } from "socket.io-client";

const TICK_MS = 20;

/** A candidate as a browser gathers it: about 100 bytes. */
export function candidate(tag: string) {
  return {
    candidate: `candidate:${tag} 1 udp 2122260223 192.0.2.10 54400 typ host generation 0 ufrag 4ZcD network-id 1`,
    sdpMid: "0",
    sdpMLineIndex: 0,
  };
}

export interface TTrafficCounts {
  sent: number;
  received: number;
  /** `room:error` answers (e.g. a signaling limit): none are expected at the bench's rates. */
  refused: number;
}

export interface TTraffic {
  stop(): TTrafficCounts;
}

export function startTraffic(sockets: Socket[], perSocketPerSecond: number): TTraffic {
  const counts: TTrafficCounts = { sent: 0, received: 0, refused: 0 };
  const onReceived = () => void (counts.received += 1);
  const onRefused = () => void (counts.refused += 1);
  for (const socket of sockets) {
    socket.on("signal:candidate", onReceived);
    socket.on("room:error", onRefused);
  }
  let next = 0;
  const payload = { candidate: candidate("busy") };
  const started = performance.now();
  // Paced by the clock, not by ticks: a late tick sends what fell due, so the rate holds on a busy machine.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * sockets.length * perSocketPerSecond);
    for (; counts.sent < due; counts.sent += 1) {
      sockets[next]!.emit("signal:candidate", payload);
      next = (next + 1) % sockets.length;
    }
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      for (const socket of sockets) {
        socket.off("signal:candidate", onReceived);
        socket.off("room:error", onRefused);
      }
      return counts;
    },
  };
}
