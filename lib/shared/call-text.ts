/** Call records in words, for the timeline and the export (no schemas here: pages load this on first paint). */
import type { TCallEndReason, TCallQuality } from "./call";

/** "1 h 02 min", "12 min 05 s", "40 s". */
export function formatCallDuration(durationMs: number): string {
  const totalSeconds = Math.max(0, Math.round(durationMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

/** "direct (UDP), 24 ms, 0.1 % loss, 1280×720": one browser's summary in words. */
export function describeCallQuality(quality: TCallQuality): string {
  const parts: string[] = [];
  if (quality.path) parts.push(`${quality.path}${quality.protocol ? ` (${quality.protocol.toUpperCase()})` : ""}`);
  if (quality.rttMs !== null) parts.push(`${quality.rttMs} ms round trip`);
  if (quality.packetLossPct !== null) parts.push(`${formatPercent(quality.packetLossPct)} loss`);
  if (quality.frameWidth !== null && quality.frameHeight !== null) parts.push(`${quality.frameWidth}×${quality.frameHeight}`);
  return parts.join(", ") || "no measurements";
}

function formatPercent(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;
}

/** How a call ended, in words for its timeline entry. */
export function describeCallEnd(reason: TCallEndReason | null): string {
  switch (reason) {
    case "hung-up":
      return "Call ended";
    case "disconnected":
      return "Call ended: a connection was lost";
    case "server-shutdown":
      return "Call ended: the server was stopped";
    case "unexpected":
      return "Call ended unexpectedly";
    default:
      return "Call in progress";
  }
}
