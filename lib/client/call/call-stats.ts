/**
 * A call's live quality from two getStats() samples: what the indicator and the stats panel
 * show, and what a call record's quality summary can store. Pure (plain objects in, plain
 * object out), so it is tested without a browser and works on any sample source.
 */

/** One entry of an RTCStatsReport, as plain data: only the fields read here. */
export interface TStatsEntry {
  id: string;
  type: string;
  timestamp: number;
  kind?: string;
  bytesReceived?: number;
  bytesSent?: number;
  packetsReceived?: number;
  packetsLost?: number;
  frameWidth?: number;
  frameHeight?: number;
  framesPerSecond?: number;
  currentRoundTripTime?: number;
  roundTripTime?: number;
  selectedCandidatePairId?: string;
  localCandidateId?: string;
  remoteCandidateId?: string;
  nominated?: boolean;
  state?: string;
  candidateType?: string;
  protocol?: string;
  relayProtocol?: string;
}

export type TQualityRating = "good" | "fair" | "poor";

export interface TVideoShape {
  width: number;
  height: number;
  framesPerSecond: number | null;
}

export interface TCallStatsSummary {
  /** Round trip between the two browsers on the path in use. */
  roundTripMs: number | null;
  /** Of the packets the other side sent since the previous sample, the share that never arrived. */
  packetLossPercent: number | null;
  bitrateInKbps: number | null;
  bitrateOutKbps: number | null;
  videoIn: TVideoShape | null;
  videoOut: TVideoShape | null;
  /** direct: browser to browser (host, srflx, prflx); relay: through a TURN server. */
  path: { route: "direct" | "relay"; protocol: "udp" | "tcp" } | null;
  quality: TQualityRating;
}

/**
 * Thresholds for the indicator, from what people notice in a conversation: past ~300 ms of
 * round trip people start talking over each other, and past a few percent of loss audio
 * breaks up and video freezes (ITU-T G.114; WebRTC's own "poor" in Chrome's and Meet's UIs
 * sits at similar values).
 */
export const QUALITY_THRESHOLDS = {
  fair: { roundTripMs: 300, packetLossPercent: 2 },
  poor: { roundTripMs: 600, packetLossPercent: 8 },
} as const;

export function rateCallQuality(roundTripMs: number | null, packetLossPercent: number | null): TQualityRating {
  const rtt = roundTripMs ?? 0;
  const loss = packetLossPercent ?? 0;
  if (rtt >= QUALITY_THRESHOLDS.poor.roundTripMs || loss >= QUALITY_THRESHOLDS.poor.packetLossPercent) return "poor";
  if (rtt >= QUALITY_THRESHOLDS.fair.roundTripMs || loss >= QUALITY_THRESHOLDS.fair.packetLossPercent) return "fair";
  return "good";
}

/** getStats()' report as the array this module reads. */
export function statsEntries(report: { forEach(callback: (entry: TStatsEntry) => void): void }): TStatsEntry[] {
  const entries: TStatsEntry[] = [];
  report.forEach((entry) => entries.push(entry));
  return entries;
}

/**
 * `current` and `previous` are two samples of the same peer connection (previous may be absent
 * for the first one: rates then stay unknown, and loss is counted over the whole call so far).
 */
export function summarizeCallStats(current: readonly TStatsEntry[], previous: readonly TStatsEntry[] = []): TCallStatsSummary {
  const before = new Map(previous.map((entry) => [entry.id, entry]));
  const pair = selectedPair(current);
  const roundTrip =
    pair?.currentRoundTripTime ?? current.find((entry) => entry.type === "remote-inbound-rtp" && entry.roundTripTime !== undefined)?.roundTripTime;
  const roundTripMs = roundTrip === undefined ? null : Math.round(roundTrip * 1000);
  const packetLossPercent = lossPercent(
    current.filter((entry) => entry.type === "inbound-rtp"),
    before,
  );
  return {
    roundTripMs,
    packetLossPercent,
    bitrateInKbps: bitrateKbps(current, before, "inbound-rtp", "bytesReceived"),
    bitrateOutKbps: bitrateKbps(current, before, "outbound-rtp", "bytesSent"),
    videoIn: videoShape(current, "inbound-rtp"),
    videoOut: videoShape(current, "outbound-rtp"),
    path: pathOf(current, pair),
    quality: rateCallQuality(roundTripMs, packetLossPercent),
  };
}

function selectedPair(entries: readonly TStatsEntry[]): TStatsEntry | undefined {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const transport = entries.find((entry) => entry.type === "transport" && entry.selectedCandidatePairId);
  const selected = transport?.selectedCandidatePairId ? byId.get(transport.selectedCandidatePairId) : undefined;
  // Firefox has no selectedCandidatePairId: the nominated, succeeded pair is the one in use.
  return selected ?? entries.find((entry) => entry.type === "candidate-pair" && entry.nominated && entry.state === "succeeded");
}

function pathOf(entries: readonly TStatsEntry[], pair: TStatsEntry | undefined): TCallStatsSummary["path"] {
  if (!pair) return null;
  const local = entries.find((entry) => entry.id === pair.localCandidateId);
  const remote = entries.find((entry) => entry.id === pair.remoteCandidateId);
  if (!local) return null;
  const relayed = local.candidateType === "relay" || remote?.candidateType === "relay";
  // Our relayed candidate's own protocol is the browser→TURN leg; relayProtocol names it.
  const protocol = local.candidateType === "relay" ? (local.relayProtocol ?? local.protocol) : local.protocol;
  // TURN over TLS is TCP underneath: what matters to a reader is that UDP was not available.
  const overTcp = protocol?.toLowerCase() === "tcp" || protocol?.toLowerCase() === "tls";
  return { route: relayed ? "relay" : "direct", protocol: overTcp ? "tcp" : "udp" };
}

function lossPercent(inbound: readonly TStatsEntry[], before: Map<string, TStatsEntry>): number | null {
  let received = 0;
  let lost = 0;
  for (const entry of inbound) {
    const previous = before.get(entry.id);
    received += (entry.packetsReceived ?? 0) - (previous?.packetsReceived ?? 0);
    lost += (entry.packetsLost ?? 0) - (previous?.packetsLost ?? 0);
  }
  // packetsLost can drop (duplicates arriving late); a negative share means none lost.
  lost = Math.max(0, lost);
  if (received + lost <= 0) return null;
  return Math.round((lost / (received + lost)) * 1000) / 10;
}

function bitrateKbps(
  entries: readonly TStatsEntry[],
  before: Map<string, TStatsEntry>,
  type: string,
  field: "bytesReceived" | "bytesSent",
): number | null {
  let bits = 0;
  let seconds = 0;
  for (const entry of entries) {
    if (entry.type !== type) continue;
    const previous = before.get(entry.id);
    if (!previous || entry.timestamp <= previous.timestamp) continue;
    bits += ((entry[field] ?? 0) - (previous[field] ?? 0)) * 8;
    seconds = Math.max(seconds, (entry.timestamp - previous.timestamp) / 1000);
  }
  return seconds > 0 ? Math.round(bits / seconds / 1000) : null;
}

function videoShape(entries: readonly TStatsEntry[], type: string): TVideoShape | null {
  // Simulcast sends several encodings: the largest one is what the other side can see at best.
  const video = entries
    .filter((entry) => entry.type === type && entry.kind === "video" && (entry.frameWidth ?? 0) > 0)
    .sort((a, b) => (b.frameWidth ?? 0) - (a.frameWidth ?? 0))[0];
  if (!video) return null;
  return { width: video.frameWidth!, height: video.frameHeight ?? 0, framesPerSecond: video.framesPerSecond ?? null };
}
