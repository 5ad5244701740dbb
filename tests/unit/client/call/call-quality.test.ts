import { readQualitySample, summarizeQuality, type TQualitySample } from "@/lib/client/call/call-quality";

type TStat = Record<string, unknown> & { id: string; type: string; timestamp: number };
const report = (...stats: Omit<TStat, "timestamp">[]) => new Map(stats.map((stat) => [stat.id, { timestamp: 1_000, ...stat } as TStat]));

const pairVia = (local: Partial<TStat>, remote: Partial<TStat>, rtt = 0.03) =>
  report(
    { id: "T1", type: "transport", selectedCandidatePairId: "P1" },
    { id: "P1", type: "candidate-pair", localCandidateId: "L1", remoteCandidateId: "R1", currentRoundTripTime: rtt },
    { id: "L1", type: "local-candidate", candidateType: "host", protocol: "udp", ...local },
    { id: "R1", type: "remote-candidate", candidateType: "host", ...remote },
    { id: "V", type: "inbound-rtp", kind: "video", packetsLost: 3, packetsReceived: 997, frameWidth: 640, frameHeight: 480 },
    { id: "A", type: "inbound-rtp", kind: "audio", packetsLost: 1, packetsReceived: 999 },
  );

describe("readQualitySample", () => {
  it("counts TURN over TLS as TCP: the browser's link to the relay is not UDP", () => {
    expect(readQualitySample(pairVia({ candidateType: "relay", protocol: "udp", relayProtocol: "tls" }, {}))).toMatchObject({
      path: "relay",
      protocol: "tcp",
    });
  });

  it("reads a direct UDP path, the round trip in ms, packet totals over audio and video, and the video size", () => {
    expect(readQualitySample(pairVia({}, { candidateType: "srflx" }))).toEqual({
      path: "direct",
      protocol: "udp",
      rttMs: 30,
      packetLossPct: 0.2,
      frame: "640x480",
    });
  });

  it("calls a path through a TURN server a relay, with the protocol of the browser's link to it", () => {
    const sample = readQualitySample(pairVia({ candidateType: "relay", protocol: "udp", relayProtocol: "tcp" }, {}));
    expect(sample).toMatchObject({ path: "relay", protocol: "tcp" });
    expect(readQualitySample(pairVia({}, { candidateType: "relay" }))).toMatchObject({ path: "relay", protocol: "udp" });
  });

  it("finds the selected pair without a transport entry, and knows nothing before one is selected", () => {
    const withoutTransport = pairVia({}, {});
    withoutTransport.delete("T1");
    withoutTransport.set("P1", { ...withoutTransport.get("P1")!, nominated: true, state: "succeeded" });
    expect(readQualitySample(withoutTransport)).toMatchObject({ path: "direct", rttMs: 30 });
    expect(readQualitySample(report())).toEqual({ path: null, protocol: null, rttMs: null, packetLossPct: null, frame: null });
  });
});

describe("summarizeQuality", () => {
  const sample = (overrides: Partial<TQualitySample>): TQualitySample => ({
    path: "direct",
    protocol: "udp",
    rttMs: 20,
    packetLossPct: 0,
    frame: "1280x720",
    ...overrides,
  });

  it("averages the round trip, takes loss over the whole call from the last sample, and the resolution seen most", () => {
    const summary = summarizeQuality([
      sample({ rttMs: 10, frame: "320x240" }),
      sample({ rttMs: 30, packetLossPct: 0.3 }),
      sample({ rttMs: null, packetLossPct: 0.5 }),
      sample({ rttMs: 20, packetLossPct: 0.5 }),
    ]);
    expect(summary).toEqual({ path: "direct", protocol: "udp", rttMs: 20, packetLossPct: 0.5, frameWidth: 1280, frameHeight: 720 });
  });

  it("says nothing without samples, and null for what was never measured", () => {
    expect(summarizeQuality([])).toBeNull();
    expect(summarizeQuality([sample({ path: null, protocol: null, rttMs: null, packetLossPct: null, frame: null })])).toEqual({
      path: null,
      protocol: null,
      rttMs: null,
      packetLossPct: null,
      frameWidth: null,
      frameHeight: null,
    });
  });
});
