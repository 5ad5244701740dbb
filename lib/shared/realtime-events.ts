/**
 * The realtime contract of a room namespace (`/rooms/<roomId>`): every event name, its
 * payload schema and its acknowledgement, declared once and used by server and client.
 */
import * as z from "./zod";
import type { TAckCallback } from "./ack";
import { ZCallQuality } from "./call";
import { ZClientMessageId, ZMessageBody, type TChatMessage } from "./message";
import type { TRoomSummary } from "./room";
import type { TPublicUser } from "./user";
import { SDP_MAX_LENGTH } from "./input-limits";

export { SDP_MAX_LENGTH, SOCKET_MAX_PAYLOAD_BYTES } from "./input-limits";

// Payloads from clients are strict objects: a field the contract does not name (a client bug,
// a probe with `__proto__` or `constructor`) is refused with an error, not silently dropped.
export const ZMediaState = z.strictObject({ audio: z.boolean(), video: z.boolean() });
export type TMediaState = z.infer<typeof ZMediaState>;

export const ZSessionDescription = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("offer"), sdp: z.string().check(z.minLength(1), z.maxLength(SDP_MAX_LENGTH)) }),
  z.strictObject({ type: z.literal("answer"), sdp: z.string().check(z.minLength(1), z.maxLength(SDP_MAX_LENGTH)) }),
  z.strictObject({ type: z.literal("rollback"), sdp: z.optional(z.string().check(z.maxLength(0))) }),
]);
export type TSessionDescription = z.infer<typeof ZSessionDescription>;

/** RTCIceCandidateInit; null marks the end of candidates. */
export const ZIceCandidate = z.nullable(
  z.strictObject({
    candidate: z.string().check(z.maxLength(1024)),
    sdpMid: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
    sdpMLineIndex: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(64)))),
    usernameFragment: z.optional(z.nullable(z.string().check(z.maxLength(256)))),
  }),
);
export type TIceCandidate = z.infer<typeof ZIceCandidate>;

/**
 * A browser's call session: made when the person clicks Join, kept across socket reconnects
 * (server restart, node failover, network loss). The server and the other member tell a
 * resumed call (same id: keep the RTCPeerConnection) from a new one (new id: start afresh).
 */
export const ZCallSessionId = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, "Not a call session id"));
export type TCallSessionId = z.infer<typeof ZCallSessionId>;

export const ZCallJoinPayload = z.strictObject({ callSessionId: ZCallSessionId, media: ZMediaState });
/** Hanging up takes no payload, only the acknowledgement. */
export const ZCallLeavePayload = z.undefined();
/** The browser's RTCPeerConnection to this peer reached "connected": the call has started. */
export const ZCallConnectedPayload = z.strictObject({ peerCallSessionId: ZCallSessionId });
/**
 * Sent once the browser's part of a call ended (it may have left already, so the call is named
 * by its own call session): what it measured of the media path, for the call's record.
 */
export const ZCallQualityPayload = z.strictObject({ callSessionId: ZCallSessionId, quality: ZCallQuality });
export const ZSignalDescriptionPayload = z.strictObject({ description: ZSessionDescription });
export const ZSignalCandidatePayload = z.strictObject({ candidate: ZIceCandidate });
export const ZMediaUpdatePayload = ZMediaState;
export const ZChatSendPayload = z.strictObject({ clientId: ZClientMessageId, body: ZMessageBody });

export interface TCallPeer {
  user: TPublicUser;
  media: TMediaState;
  /** The peer's call session: signaling and departures name it, so a stale one can be told apart. */
  callSessionId: TCallSessionId;
}

/** Two members are both in the call; `initiator` says whether the receiver makes the first offer. */
export interface TCallPairing {
  peer: TCallPeer;
  initiator: boolean;
}

/**
 * Why a member is no longer in the call: they hung up (`left`), or their connection to the
 * server dropped (`disconnected`; their browser may still be sending media and come back).
 */
export type TCallDepartureReason = "left" | "disconnected";

/** Reply to `call:join`: the pairing if the other member is already in the call. */
export interface TCallJoined {
  pairing: TCallPairing | null;
}

export interface TPresence {
  /** Members with the room open, and whether each is in the call. */
  members: Array<{ user: TPublicUser; inCall: boolean }>;
}

/**
 * Why this member's connection to the room closed for good: the owner removed them, the owner
 * deleted the room, or they left it (from another tab or the home page).
 */
export type TRoomClosedReason = "removed" | "deleted" | "left";

/** What changed in the room, as the other member's open page is told. */
export type TRoomChange = "renamed" | "guest-joined" | "guest-left" | "guest-removed";

export interface ClientToServerEvents {
  "call:join": (payload: z.input<typeof ZCallJoinPayload>, ack: TAckCallback<TCallJoined>) => void;
  "call:leave": (ack: TAckCallback<null>) => void;
  "call:connected": (payload: z.input<typeof ZCallConnectedPayload>) => void;
  "call:quality": (payload: z.input<typeof ZCallQualityPayload>) => void;
  "signal:description": (payload: z.input<typeof ZSignalDescriptionPayload>) => void;
  "signal:candidate": (payload: z.input<typeof ZSignalCandidatePayload>) => void;
  "media:update": (payload: z.input<typeof ZMediaUpdatePayload>) => void;
  "chat:send": (payload: z.input<typeof ZChatSendPayload>, ack: TAckCallback<TChatMessage>) => void;
}

export interface ServerToClientEvents {
  /** To the member already in the call: the other one joined. */
  "call:peer-joined": (pairing: TCallPairing) => void;
  "call:peer-left": (payload: { userId: string; callSessionId: TCallSessionId; reason: TCallDepartureReason }) => void;
  "signal:description": (payload: { from: string; callSessionId: TCallSessionId; description: TSessionDescription }) => void;
  "signal:candidate": (payload: { from: string; callSessionId: TCallSessionId; candidate: TIceCandidate }) => void;
  "media:state": (payload: { userId: string } & TMediaState) => void;
  "presence:update": (presence: TPresence) => void;
  "chat:message": (message: TChatMessage) => void;
  /**
   * An event was refused and had no acknowledgement to say so: a fire-and-forget event (signal:*,
   * media:update), or an acknowledged one sent without its callback. One per refused event, naming it.
   */
  "room:error": (error: { code: string; message: string; event: string; retryAfterMs?: number }) => void;
  /** This user opened the room elsewhere; this connection is closed. */
  "session:replaced": () => void;
  /** This browser's sign-in ended (signed out, password changed elsewhere, account deleted): sign in again. */
  "session:ended": () => void;
  /** This member may no longer be in the room; this connection is closed and does not come back. */
  "room:closed": (payload: { reason: TRoomClosedReason }) => void;
  /** The room changed (renamed, the guest came or went): here it is as it now is. */
  "room:updated": (payload: { change: TRoomChange; room: TRoomSummary }) => void;
  /** This server is stopping; the client reconnects (to another node, behind a proxy). */
  "server:shutdown": () => void;
}

// Part of this contract, defined with the other paths so browser code can import it without the schemas above.
export { REALTIME_PATH } from "./paths";
