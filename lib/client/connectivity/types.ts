/** What each step of the connectivity check found; the verdict is computed from these alone. */

/** skip: the step did not run, and its message says why. */
export type TStepStatus = "pending" | "pass" | "warn" | "fail" | "skip";

export interface TStepState {
  status: TStepStatus;
  message: string;
}

export type TSignalingTransport = "websocket" | "polling";

export interface TSignalingResult {
  /** The best transport that reached Duet's realtime server, or null if none did. */
  transport: TSignalingTransport | null;
  /** Why Duet refused the handshake, in a person's words, when it said so. */
  refusal: string | null;
}

export interface TStunResult {
  /** Duet offers at least one stun: URL. */
  configured: boolean;
  /** A server-reflexive candidate came back: UDP reaches the internet and we learnt our public address. */
  srflx: boolean;
}

/** How the browser reaches a TURN server: turn:…?transport=udp|tcp, or turns: (TLS). */
export type TTurnTransport = "udp" | "tcp" | "tls";

export interface TTurnProbeResult {
  transport: TTurnTransport;
  /** The TURN server allocated a relay candidate over this transport. */
  relay: boolean;
  /** `icecandidateerror` codes (401: credentials refused), without 701 (no route from one interface). */
  errorCodes: number[];
}

/** The relay was not probed; `notTested` says why, and what to do about it, in a person's words. */
export interface TTurnNotTested {
  notTested: string;
}

export interface TNetworkResults {
  signaling: TSignalingResult;
  stun: TStunResult;
  /** One probe per TURN transport Duet offers (empty when no TURN server is configured), or why none ran. */
  turn: TTurnProbeResult[] | TTurnNotTested;
}

export interface TVerdict {
  tone: "pass" | "warn" | "fail";
  headline: string;
  detail: string | null;
}
