import type { TCallQuality } from "@/lib/shared/call";

/** How often a connected call's statistics are read: often enough for a short call to have some. */
const SAMPLE_EVERY_MS = 2_000;

/** One reading of RTCPeerConnection.getStats(); packet counts are totals since the call began. */
export interface TQualitySample {
  path: TCallQuality["path"];
  protocol: TCallQuality["protocol"];
  rttMs: number | null;
  packetsLost: number;
  packetsReceived: number;
  /** "1280x720": the received video's size at that moment. */
  frame: string | null;
}

type TStat = Record<string, unknown> & { id: string; type: string };

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Reads what the summary needs from one stats report (a Map of RTCStats, as getStats() gives). */
export function readQualitySample(report: { forEach(callback: (stat: TStat) => void): void }): TQualitySample {
  const stats = new Map<string, TStat>();
  report.forEach((stat) => stats.set(stat.id, stat));
  const all = [...stats.values()];
  const transport = all.find((stat) => stat.type === "transport" && typeof stat.selectedCandidatePairId === "string");
  const pair =
    (transport && stats.get(transport.selectedCandidatePairId as string)) ??
    all.find((stat) => stat.type === "candidate-pair" && (stat.selected === true || (stat.nominated === true && stat.state === "succeeded")));
  const local = pair ? stats.get(pair.localCandidateId as string) : undefined;
  const remote = pair ? stats.get(pair.remoteCandidateId as string) : undefined;
  const relayed = local?.candidateType === "relay" || remote?.candidateType === "relay";
  // Through a TURN server, what the browser's own network carries is its link to the relay.
  const protocol = (relayed && local?.relayProtocol) || local?.protocol;
  const rtt = num(pair?.currentRoundTripTime);
  const inbound = all.filter((stat) => stat.type === "inbound-rtp");
  const video = inbound.find((stat) => stat.kind === "video" && num(stat.frameWidth) && num(stat.frameHeight));
  return {
    path: local && remote ? (relayed ? "relay" : "direct") : null,
    protocol: protocol === "udp" || protocol === "tcp" ? protocol : protocol === "tls" ? "tcp" : null,
    rttMs: rtt === null ? null : rtt * 1000,
    packetsLost: inbound.reduce((sum, stat) => sum + Math.max(0, num(stat.packetsLost) ?? 0), 0),
    packetsReceived: inbound.reduce((sum, stat) => sum + (num(stat.packetsReceived) ?? 0), 0),
    frame: video ? `${video.frameWidth as number}x${video.frameHeight as number}` : null,
  };
}

/** The call's summary from its samples: the last path, the mean round trip, overall loss, the most seen resolution. */
export function summarizeQuality(samples: TQualitySample[]): TCallQuality | null {
  if (samples.length === 0) return null;
  const withPath = samples.filter((sample) => sample.path !== null).at(-1);
  const rtts = samples.map((sample) => sample.rttMs).filter((rtt): rtt is number => rtt !== null);
  const last = samples.at(-1)!;
  const total = last.packetsLost + last.packetsReceived;
  const frames = new Map<string, number>();
  for (const { frame } of samples) if (frame) frames.set(frame, (frames.get(frame) ?? 0) + 1);
  // Ties go to the later size: video ramps up, so the later one is what the call settled on.
  const typical = [...frames.entries()].reduce<[string, number] | null>((best, entry) => (!best || entry[1] >= best[1] ? entry : best), null);
  const [width, height] = typical ? typical[0].split("x").map(Number) : [null, null];
  return {
    path: withPath?.path ?? null,
    protocol: withPath?.protocol ?? null,
    rttMs: rtts.length ? Math.round(rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length) : null,
    packetLossPct: total > 0 ? Math.round((last.packetsLost / total) * 1000) / 10 : null,
    frameWidth: width ?? null,
    frameHeight: height ?? null,
  };
}

/**
 * Samples a connected call's statistics until stopped; `stop()` returns the summary at once
 * (a page being closed cannot wait for one more getStats()).
 */
export class CallQualitySampler {
  private readonly samples: TQualitySample[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly pc: RTCPeerConnection) {}

  start(): void {
    if (this.timer) return;
    const sample = () =>
      void this.pc.getStats().then(
        (report) => this.timer && this.samples.push(readQualitySample(report as unknown as Parameters<typeof readQualitySample>[0])),
        () => {},
      );
    this.timer = setInterval(sample, SAMPLE_EVERY_MS);
    sample();
  }

  /** Stops sampling; null if the call never connected long enough for a sample. */
  stop(): TCallQuality | null {
    if (!this.timer) return null;
    clearInterval(this.timer);
    this.timer = null;
    return summarizeQuality(this.samples);
  }
}
