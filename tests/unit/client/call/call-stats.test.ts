import { rateCallQuality, summarizeCallStats, type TStatsEntry } from "@/lib/client/call/call-stats";

/** A two-second-apart pair of samples of one direct UDP call, with what changed between them. */
function samples(change: { lost?: number; rtt?: number; relay?: "udp" | "tcp" } = {}): [TStatsEntry[], TStatsEntry[]] {
  const at = (timestamp: number, step: number): TStatsEntry[] => [
    { id: "T", type: "transport", timestamp, selectedCandidatePairId: "P" },
    {
      id: "P",
      type: "candidate-pair",
      timestamp,
      localCandidateId: "L",
      remoteCandidateId: "R",
      currentRoundTripTime: change.rtt ?? 0.042,
      nominated: true,
      state: "succeeded",
    },
    change.relay
      ? { id: "L", type: "local-candidate", timestamp, candidateType: "relay", protocol: "udp", relayProtocol: change.relay }
      : { id: "L", type: "local-candidate", timestamp, candidateType: "host", protocol: "udp" },
    { id: "R", type: "remote-candidate", timestamp, candidateType: "srflx", protocol: "udp" },
    {
      id: "IV",
      type: "inbound-rtp",
      kind: "video",
      timestamp,
      bytesReceived: 250_000 * step,
      packetsReceived: 500 * step,
      packetsLost: (change.lost ?? 0) * step,
      frameWidth: 640,
      frameHeight: 480,
      framesPerSecond: 20,
    },
    { id: "IA", type: "inbound-rtp", kind: "audio", timestamp, bytesReceived: 10_000 * step, packetsReceived: 100 * step, packetsLost: 0 },
    { id: "OV", type: "outbound-rtp", kind: "video", timestamp, bytesSent: 200_000 * step, frameWidth: 1280, frameHeight: 720, framesPerSecond: 30 },
    { id: "OV-low", type: "outbound-rtp", kind: "video", timestamp, bytesSent: 0, frameWidth: 320, frameHeight: 180, framesPerSecond: 30 },
  ];
  return [at(12_000, 2), at(10_000, 1)];
}

describe("summarizeCallStats", () => {
  it("reports round trip, bitrates both ways, resolution and frame rate both ways, and a direct UDP path", () => {
    const [current, previous] = samples();
    expect(summarizeCallStats(current, previous)).toEqual({
      roundTripMs: 42,
      packetLossPercent: 0,
      // (260,000 bytes in over 2 s) and (200,000 bytes out over 2 s), in kbit/s
      bitrateInKbps: 1040,
      bitrateOutKbps: 800,
      videoIn: { width: 640, height: 480, framesPerSecond: 20 },
      videoOut: { width: 1280, height: 720, framesPerSecond: 30 },
      path: { route: "direct", protocol: "udp" },
      quality: "good",
    });
  });

  it("counts loss over the interval between samples, not over the whole call", () => {
    // 30 of 630 packets lost since the previous sample.
    const [current, previous] = samples({ lost: 30 });
    expect(summarizeCallStats(current, previous).packetLossPercent).toBeCloseTo(4.8, 1);
    expect(summarizeCallStats(current, previous).quality).toBe("fair");
  });

  it("names a TURN relay, and TCP when the browser reaches the relay over TCP", () => {
    const [current, previous] = samples({ relay: "tcp" });
    expect(summarizeCallStats(current, previous).path).toEqual({ route: "relay", protocol: "tcp" });
  });

  it("leaves rates unknown on the first sample instead of guessing", () => {
    const [current] = samples();
    const first = summarizeCallStats(current);
    expect(first.bitrateInKbps).toBeNull();
    expect(first.bitrateOutKbps).toBeNull();
    expect(first.roundTripMs).toBe(42);
  });

  it("knows nothing yet from an empty report, and calls that good rather than alarming anyone", () => {
    expect(summarizeCallStats([])).toEqual({
      roundTripMs: null,
      packetLossPercent: null,
      bitrateInKbps: null,
      bitrateOutKbps: null,
      videoIn: null,
      videoOut: null,
      path: null,
      quality: "good",
    });
  });

  it("finds the path from the nominated pair when the transport names none (Firefox)", () => {
    const [current] = samples();
    const withoutTransport = current.filter((entry) => entry.type !== "transport");
    expect(summarizeCallStats(withoutTransport).path).toEqual({ route: "direct", protocol: "udp" });
  });
});

describe("rateCallQuality", () => {
  it("is poor past 600 ms round trip or 8 % loss, fair past 300 ms or 2 %, good below", () => {
    expect(rateCallQuality(80, 0.5)).toBe("good");
    expect(rateCallQuality(350, 0)).toBe("fair");
    expect(rateCallQuality(50, 3)).toBe("fair");
    expect(rateCallQuality(700, 0)).toBe("poor");
    expect(rateCallQuality(50, 12)).toBe("poor");
  });
});
