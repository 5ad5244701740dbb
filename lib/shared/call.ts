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
  path: z.nullable(z.enum(["direct", "relay"])),
  protocol: z.nullable(z.enum(["udp", "tcp"])),
  rttMs: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(60_000))),
  packetLossPct: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  frameWidth: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(16_384))),
  frameHeight: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(16_384))),
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
