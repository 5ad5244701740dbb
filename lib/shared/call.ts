/**
 * Call records: what the server keeps of each call in a room, and the quality summary each
 * browser sends when its part of the call ends.
 */
import { z } from "./zod";
import type { TPublicUser } from "./user";

/**
 * Why a call ended: someone hung up; a member's connection to Duet dropped and did not come
 * back; the server they were on was stopped; or the server died and nobody came back (closed
 * later, at the time it was last known to be alive).
 */
export const CALL_END_REASONS = ["hung-up", "disconnected", "server-shutdown", "unexpected"] as const;
export type TCallEndReason = (typeof CALL_END_REASONS)[number];

/**
 * One browser's view of the media path over the call, from RTCPeerConnection.getStats():
 * `path` from the selected candidate pair (either end a TURN relay → "relay"), the average
 * round-trip time, received packets lost, and the resolution of the video it received most.
 * Every figure is null when the browser could not measure it.
 */
export const ZCallQuality = z.strictObject({
  path: z.enum(["direct", "relay"]).nullable(),
  protocol: z.enum(["udp", "tcp"]).nullable(),
  rttMs: z.number().int().min(0).max(60_000).nullable(),
  packetLossPct: z.number().min(0).max(100).nullable(),
  frameWidth: z.number().int().min(1).max(16_384).nullable(),
  frameHeight: z.number().int().min(1).max(16_384).nullable(),
});
export type TCallQuality = z.infer<typeof ZCallQuality>;

export interface TCallParticipant {
  user: TPublicUser;
  /** What this person's browser measured; null if it never reported. */
  quality: TCallQuality | null;
}

/** A call as the history shows it. Times are ISO 8601; `endedAt` is null while it goes on. */
export interface TCallRecord {
  id: string;
  roomId: string;
  startedAt: string;
  endedAt: string | null;
  endReason: TCallEndReason | null;
  /** endedAt − startedAt; null while the call goes on. */
  durationMs: number | null;
  participants: TCallParticipant[];
}

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
