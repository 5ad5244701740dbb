import * as z from "../../../lib/shared/zod";
import type { TAckCallback } from "@/lib/shared/ack";
import {
  SOCKET_MAX_PAYLOAD_BYTES,
  ZCallConnectedPayload,
  ZCallJoinPayload,
  ZCallLeavePayload,
  ZCallQualityPayload,
  ZChatSendPayload,
  ZMediaUpdatePayload,
  ZSignalCandidatePayload,
  ZSignalDescriptionPayload,
  type ClientToServerEvents,
} from "@/lib/shared/realtime-events";
import { JunkMaker } from "./junk";
import { malform, type TMutation } from "./malform";
import { Prng } from "./prng";

export type TClientEvent = keyof ClientToServerEvents;

/** Whether the contract gives an event an acknowledgement: its last parameter is the ack callback. */
type TAcknowledged<E extends TClientEvent> = Parameters<ClientToServerEvents[E]> extends [...unknown[], TAckCallback<infer _Data>] ? true : false;

interface TEventContract<E extends TClientEvent> {
  schema: z.ZodMiniType;
  /** A payload the server accepts (undefined: the event takes none). */
  valid: unknown;
  acknowledged: TAcknowledged<E>;
}

/** Every client→server event: a new one fails the typecheck here until it is fuzzed too. */
export const CONTRACT: { [E in TClientEvent]: TEventContract<E> } = {
  "call:join": {
    schema: ZCallJoinPayload,
    valid: { callSessionId: "fuzzFUZZfuzz0123456789", media: { audio: true, video: false } },
    acknowledged: true,
  },
  "call:leave": { schema: ZCallLeavePayload, valid: undefined, acknowledged: true },
  "call:connected": { schema: ZCallConnectedPayload, valid: { peerCallSessionId: "fuzzFUZZfuzz0123456789" }, acknowledged: false },
  "call:quality": {
    schema: ZCallQualityPayload,
    valid: {
      callSessionId: "fuzzFUZZfuzz0123456789",
      quality: { path: "direct", protocol: "udp", rttMs: 20, packetLossPct: 0, frameWidth: 640, frameHeight: 480 },
    },
    acknowledged: false,
  },
  "signal:description": {
    schema: ZSignalDescriptionPayload,
    valid: { description: { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" } },
    acknowledged: false,
  },
  "signal:candidate": {
    schema: ZSignalCandidatePayload,
    valid: {
      candidate: { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", sdpMid: "0", sdpMLineIndex: 0, usernameFragment: "abcd" },
    },
    acknowledged: false,
  },
  "media:update": { schema: ZMediaUpdatePayload, valid: { audio: true, video: true }, acknowledged: false },
  "chat:send": { schema: ZChatSendPayload, valid: { clientId: "3f1c2a9e-8d2b-4b7a-9c1e-2f3a4b5c6d7e", body: "hello" }, acknowledged: true },
};

export const CLIENT_EVENTS = Object.keys(CONTRACT) as TClientEvent[];

/** What a refusal comes back as: the ack of an acknowledged event sent with a callback, else `room:error`. */
export type TExpectedReply = "ack" | "room:error";

/** How the event is broken: its payload, or the arguments around it. */
export type TCaseShape = "malformed payload" | "extra arguments" | "no ack callback" | "non-function ack" | "unexpected ack callback";

export interface TSocketFuzzCase {
  event: TClientEvent;
  shape: TCaseShape;
  /** Everything sent after the event name, except the ack callback. */
  args: unknown[];
  /** Whether a callback is passed last. */
  withCallback: boolean;
  expected: TExpectedReply;
  /** How the payload was broken; empty when it is valid and only the arguments around it are not. */
  mutations: TMutation[];
  /** What was broken, for a failure message. */
  what: string;
}

/** Room for the namespace, ack id and packet type around the JSON of an event. */
const FRAME_HEADROOM_BYTES = 4_000;

/**
 * A deterministic corpus of malformed events: per event, `perEvent` cases that the server must
 * refuse. Most send a payload the schema refuses; the rest break the arguments themselves (no
 * ack or a non-function where one belongs, a callback on a fire-and-forget event, extra
 * arguments), often around a valid payload, which must then not be acted on either.
 */
export function socketFuzzCorpus(seed: number, perEvent: number): TSocketFuzzCase[] {
  const rng = new Prng(seed);
  const junk = new JunkMaker(rng, { hugeStringBytes: SOCKET_MAX_PAYLOAD_BYTES - FRAME_HEADROOM_BYTES - 8_000 });
  const cases: TSocketFuzzCase[] = [];
  for (const event of CLIENT_EVENTS) {
    for (let i = 0; i < perEvent; i++) {
      let next: TSocketFuzzCase;
      do next = makeCase(rng, junk, event);
      while (Buffer.byteLength(JSON.stringify([event, ...next.args])) > SOCKET_MAX_PAYLOAD_BYTES - FRAME_HEADROOM_BYTES);
      cases.push(next);
    }
  }
  return cases;
}

function makeCase(rng: Prng, junk: JunkMaker, event: TClientEvent): TSocketFuzzCase {
  junk.startPayload();
  const { schema, valid, acknowledged } = CONTRACT[event];
  const refusedBy: TExpectedReply = acknowledged ? "ack" : "room:error";
  const invalid = (): { args: unknown[]; mutations: TMutation[] } => {
    for (;;) {
      const { payload, mutations } = malform(rng, junk, valid);
      if (!schema.safeParse(payload).success) return { args: [payload], mutations };
    }
  };
  // Around a broken argument list, the payload itself may be valid: it must not be acted on either.
  const eitherPayload = () => (rng.chance(0.5) ? { args: valid === undefined ? [] : [valid], mutations: [] } : invalid());
  const describe = (mutations: TMutation[], more = "") => `${mutations.join(", ") || "valid payload"}${more}`;
  const shape = rng.next();

  if (shape < 0.72) {
    const { args, mutations } = invalid();
    return { event, shape: "malformed payload", args, mutations, withCallback: acknowledged, expected: refusedBy, what: describe(mutations) };
  }
  const { args, mutations } = eitherPayload();
  const base = { event, args, mutations };
  if (shape < 0.84) {
    const extras = Array.from({ length: rng.int(1, 3) }, () => junk.value());
    // Without a payload of its own (call:leave), the first extra stands in the payload's place.
    return {
      ...base,
      shape: "extra arguments",
      args: [...args, ...extras],
      withCallback: acknowledged,
      expected: refusedBy,
      what: describe(mutations, ` + ${extras.length} extra argument(s)`),
    };
  }
  if (!acknowledged)
    return {
      ...base,
      shape: "unexpected ack callback",
      withCallback: true,
      expected: "room:error",
      what: describe(mutations, " + an ack callback it does not take"),
    };
  if (rng.chance(0.5))
    return { ...base, shape: "no ack callback", withCallback: false, expected: "room:error", what: describe(mutations, " without an ack callback") };
  const notAFunction = rng.pick(["ack", 0, 1, true, null, {}, [], { then: "x" }]);
  return {
    ...base,
    shape: "non-function ack",
    args: [...args, notAFunction],
    withCallback: false,
    expected: "room:error",
    what: describe(mutations, ` + a non-function ack (${JSON.stringify(notAFunction)})`),
  };
}
