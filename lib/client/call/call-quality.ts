import type { TCallQuality } from "@/lib/shared/call";
import { statsEntries, summarizeCallStats } from "./call-stats";

/** How often a connected call's statistics are read: often enough for a short call to have some. */
const SAMPLE_EVERY_MS = 2_000;

/** One reading of RTCPeerConnection.getStats(), as much as a call record keeps of it. */
export interface TQualitySample {
  path: TCallQuality["path"];
  protocol: TCallQuality["protocol"];
  rttMs: number | null;
  /** Of the packets sent to this browser since the call began, the share that never arrived. */
  packetLossPct: number | null;
  /** "1280x720": the received video's size at that moment. */
  frame: string | null;
}

/**
 * Reads one stats report through the same reader as the live indicator and stats panel
 * (call-stats.ts), so a call's record says what its people saw during it.
 */
export function readQualitySample(report: Parameters<typeof statsEntries>[0]): TQualitySample {
  // Without a previous sample, loss is counted over the whole call so far.
  const live = summarizeCallStats(statsEntries(report));
  return {
    path: live.path?.route ?? null,
    protocol: live.path?.protocol ?? null,
    rttMs: live.roundTripMs,
    packetLossPct: live.packetLossPercent,
    frame: live.videoIn ? `${live.videoIn.width}x${live.videoIn.height}` : null,
  };
}

/** The call's summary from its samples: the last path, the mean round trip, loss over the whole call, the most seen resolution. */
export function summarizeQuality(samples: TQualitySample[]): TCallQuality | null {
  if (samples.length === 0) return null;
  const withPath = samples.filter((sample) => sample.path !== null).at(-1);
  const rtts = samples.map((sample) => sample.rttMs).filter((rtt): rtt is number => rtt !== null);
  const last = samples.at(-1)!;
  const frames = new Map<string, number>();
  for (const { frame } of samples) if (frame) frames.set(frame, (frames.get(frame) ?? 0) + 1);
  // Ties go to the later size: video ramps up, so the later one is what the call settled on.
  const typical = [...frames.entries()].reduce<[string, number] | null>((best, entry) => (!best || entry[1] >= best[1] ? entry : best), null);
  const [width, height] = typical ? typical[0].split("x").map(Number) : [null, null];
  return {
    path: withPath?.path ?? null,
    protocol: withPath?.protocol ?? null,
    rttMs: rtts.length ? Math.round(rtts.reduce((sum, rtt) => sum + rtt, 0) / rtts.length) : null,
    packetLossPct: last.packetLossPct,
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
