import { MESSAGE_MAX_LENGTH } from "@/lib/shared/input-limits";
import { eventFrameBytes, fitsInOneFrame } from "@/lib/shared/payload-size";
import { SDP_MAX_LENGTH, SOCKET_MAX_PAYLOAD_BYTES } from "@/lib/shared/realtime-events";

const clientId = "3f1c2a9e-8d2b-4b7a-9c1e-2f3a4b5c6d7e";

describe("Socket.IO's frame limit against Duet's largest payloads", () => {
  it("carries a longest chat message of the characters JSON makes widest", () => {
    for (const unit of ["x", "€", "🙂", "\ud800", '"']) {
      const body = unit.repeat(MESSAGE_MAX_LENGTH / unit.length);
      expect(fitsInOneFrame("chat:send", { clientId, body })).toBe(true);
    }
  });

  it("carries a longest SDP, line breaks and all", () => {
    const sdp = "a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host generation 0\r\n".repeat(500).slice(0, SDP_MAX_LENGTH);
    const bytes = eventFrameBytes("signal:description", { description: { type: "offer", sdp } });
    expect(bytes).toBeLessThan(SOCKET_MAX_PAYLOAD_BYTES * 0.6);
  });

  it("counts the UTF-8 bytes Socket.IO sends", () => {
    const overhead = eventFrameBytes("chat:send", null) - Buffer.byteLength(JSON.stringify(["chat:send", null]));
    for (const body of ["plain", "é€", "🙂 and 漢字", "lone \ud800 surrogate", 'quote " and \\']) {
      expect(eventFrameBytes("chat:send", { clientId, body })).toBe(Buffer.byteLength(JSON.stringify(["chat:send", { clientId, body }])) + overhead);
    }
  });

  it("refuses a payload one byte over, counting bytes and not characters", () => {
    const overhead = eventFrameBytes("chat:send", { clientId, body: "" });
    expect(fitsInOneFrame("chat:send", { clientId, body: "x".repeat(SOCKET_MAX_PAYLOAD_BYTES - overhead) })).toBe(true);
    expect(fitsInOneFrame("chat:send", { clientId, body: "x".repeat(SOCKET_MAX_PAYLOAD_BYTES - overhead + 1) })).toBe(false);
    expect(fitsInOneFrame("chat:send", { clientId, body: "é".repeat((SOCKET_MAX_PAYLOAD_BYTES - overhead) / 2 + 1) })).toBe(false);
  });
});
