import { ZChatSendPayload, ZSignalCandidatePayload, ZSignalDescriptionPayload, SDP_MAX_LENGTH } from "@/lib/shared/realtime-events";

describe("realtime payload schemas", () => {
  const clientId = "3f1c2a9e-8d2b-4b7a-9c1e-2f3a4b5c6d7e";

  it("accept a chat message and trim it", () => {
    expect(ZChatSendPayload.parse({ clientId, body: "  hi  " })).toEqual({ clientId, body: "hi" });
  });

  it.each([
    ["an empty body", { clientId, body: "" }],
    ["a blank body", { clientId, body: " \n\t " }],
    ["a body over 4,000 characters", { clientId, body: "x".repeat(4001) }],
    ["a client id that is not a UUID", { clientId: "42", body: "hi" }],
    ["a missing client id", { body: "hi" }],
  ])("refuse a chat message with %s", (_, payload) => {
    expect(ZChatSendPayload.safeParse(payload).success).toBe(false);
  });

  it("refuse a field the contract does not name, naming it (cut short) in the error", () => {
    const withProto = JSON.parse(`{"clientId":"${clientId}","body":"hi","__proto__":{"polluted":true}}`) as unknown;
    expect(ZChatSendPayload.safeParse(withProto).error?.issues[0]?.message).toBe('Unknown field "__proto__"');
    const longKey = "k".repeat(5_000);
    const message = ZChatSendPayload.safeParse({ clientId, body: "hi", [longKey]: 1, a: 1, b: 2, c: 3 }).error?.issues[0]?.message;
    expect(message).toBe(`Unknown fields "${"k".repeat(40)}…", "a", "b" and 1 more`);
    expect(ZSignalCandidatePayload.safeParse({ candidate: { candidate: "candidate:1", constructor: { prototype: {} } } }).success).toBe(false);
  });

  it("accept offers, answers and rollbacks only", () => {
    expect(ZSignalDescriptionPayload.safeParse({ description: { type: "offer", sdp: "v=0" } }).success).toBe(true);
    expect(ZSignalDescriptionPayload.safeParse({ description: { type: "answer", sdp: "v=0" } }).success).toBe(true);
    expect(ZSignalDescriptionPayload.safeParse({ description: { type: "rollback" } }).success).toBe(true);
    expect(ZSignalDescriptionPayload.safeParse({ description: { type: "pranswer", sdp: "v=0" } }).success).toBe(false);
    expect(ZSignalDescriptionPayload.safeParse({ description: { type: "offer", sdp: "x".repeat(SDP_MAX_LENGTH + 1) } }).success).toBe(false);
  });

  it("accept an RTCIceCandidateInit or the end-of-candidates null", () => {
    const candidate = { candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host", sdpMid: "0", sdpMLineIndex: 0, usernameFragment: null };
    expect(ZSignalCandidatePayload.parse({ candidate })).toEqual({ candidate });
    expect(ZSignalCandidatePayload.parse({ candidate: null })).toEqual({ candidate: null });
    expect(ZSignalCandidatePayload.safeParse({ candidate: { candidate: 7 } }).success).toBe(false);
  });
});
