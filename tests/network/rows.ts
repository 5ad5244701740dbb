import type { HomeSpec } from "./lab-topology";
import type { Candidate, Snapshot } from "./lab-probe";

/** Which ICE servers Duet hands out: coturn as STUN only, or as STUN and TURN (UDP and TCP). */
export type IceConfig = "stun" | "stun+turn";

/**
 * What a row does once both people are in the room:
 * - call: Ben joins after Ada; the call must connect over the path `expectPath` accepts.
 * - blocked: the call cannot connect; the blocked person must be told why (`expectStatus`).
 * - link-drop: a connected call loses Ben's wire for `outageMs`; the same peer connections recover.
 * - signaling-restart: Duet is SIGKILLed and restarted mid-call; media and a chat message survive.
 */
export type Scenario = "call" | "blocked" | "link-drop" | "signaling-restart";

export interface Row {
  name: string;
  network: string;
  expected: string;
  /** Ada is the first client, Ben the second, counting clients home by home. */
  homes: HomeSpec[];
  ice: IceConfig;
  scenario: Scenario;
  /** For "call" (and the call in the other scenarios): null when the selected pairs are right, else why not. */
  expectPath?: (ada: Snapshot, ben: Snapshot) => string | null;
  /** For "blocked": what Ben's call status must come to say. */
  expectStatus?: string;
  /** Ben opens the pre-call check from the room (/check?room=) first; its verdict must contain this. */
  expectCheck?: string;
  outageMs?: number;
  /** For "link-drop": the recovery must have gone through an ICE restart (new ICE credentials both ways). */
  expectIceRestart?: boolean;
  /** For "link-drop": what Ada's call status must say while Ben's link is down. */
  expectPeerStatus?: string;
}

const both = (test: (own: Snapshot, name: string) => string | null) => (ada: Snapshot, ben: Snapshot) => test(ada, "Ada") ?? test(ben, "Ben");

const types = (own: Snapshot, local: string, remote: string, name: string): string | null => {
  const pair = own.pair;
  if (pair?.local.candidateType === local && pair.remote.candidateType === remote) return null;
  return `${name}'s pair is ${pair ? `${pair.local.candidateType} ↔ ${pair.remote.candidateType}` : "missing"}, expected ${local} ↔ ${remote}`;
};

const isRelay = (candidate: Candidate | undefined) => candidate?.candidateType === "relay";

export const ROWS: Row[] = [
  {
    name: "lan",
    network: "both on one home bridge, no NAT between them",
    expected: "host ↔ host",
    homes: [{ nat: "port-restricted", clients: 2 }],
    ice: "stun",
    scenario: "call",
    expectPath: both((own, name) => types(own, "host", "host", name)),
  },
  {
    name: "cone",
    network: "each behind its own masquerading NAT; STUN, no TURN",
    expected: "srflx ↔ srflx",
    homes: [
      { nat: "port-restricted", clients: 1 },
      { nat: "port-restricted", clients: 1 },
    ],
    ice: "stun",
    scenario: "call",
    expectPath: both((own, name) => types(own, "srflx", "srflx", name)),
  },
  {
    name: "symmetric",
    network: "Ada behind masquerade fully-random, Ben port-restricted; STUN + TURN",
    expected: "relay (UDP)",
    homes: [
      { nat: "symmetric", clients: 1 },
      { nat: "port-restricted", clients: 1 },
    ],
    ice: "stun+turn",
    scenario: "call",
    expectPath: both((own, name) => {
      const pair = own.pair;
      if (!pair || !(isRelay(pair.local) || isRelay(pair.remote))) return `${name}'s pair does not go through the relay`;
      if (isRelay(pair.local) && pair.local.relayProtocol !== "udp") return `${name} reaches TURN over ${pair.local.relayProtocol}, expected udp`;
      return null;
    }),
  },
  {
    name: "udp-blocked",
    network: "Ben's router drops all UDP; TURN offered over UDP and TCP",
    expected: "relay, Ben's relayProtocol tcp",
    homes: [
      { nat: "port-restricted", clients: 1 },
      { nat: "port-restricted", blockUdp: true, clients: 1 },
    ],
    ice: "stun+turn",
    scenario: "call",
    expectCheck: "relay over TCP",
    expectPath: (ada, ben) => {
      if (!isRelay(ben.pair?.local) || ben.pair?.local.relayProtocol !== "tcp") return "Ben's local candidate is not a relay reached over TCP";
      if (!isRelay(ada.pair?.remote)) return "Ada's remote candidate is not Ben's relay";
      return null;
    },
  },
  {
    name: "no-turn-blocked",
    network: "Ben's router drops all UDP; no TURN configured",
    expected: 'fails; Ben told "UDP is blocked"',
    homes: [
      { nat: "port-restricted", clients: 1 },
      { nat: "port-restricted", blockUdp: true, clients: 1 },
    ],
    ice: "stun",
    scenario: "blocked",
    expectStatus: "UDP is blocked",
    expectCheck: "Calls from this network will fail",
  },
  {
    name: "link-drop",
    network: "lan; Ben's wire dropped for 5 s mid-call",
    expected: "same RTCPeerConnection recovers",
    homes: [{ nat: "port-restricted", clients: 2 }],
    ice: "stun",
    scenario: "link-drop",
    outageMs: 5_000,
    expectPath: both((own, name) => types(own, "host", "host", name)),
  },
  {
    name: "link-drop-15s",
    network: "lan; Ben's wire dropped for 15 s mid-call",
    // Whether the path comes back by itself (consent checks resume) or through an ICE restart
    // depends on timers racing the link's return; either way it is the same RTCPeerConnection.
    expected: 'Ada sees "Reconnecting to Ben…"; the same RTCPeerConnection recovers',
    homes: [{ nat: "port-restricted", clients: 2 }],
    ice: "stun",
    scenario: "link-drop",
    outageMs: 15_000,
    expectPeerStatus: "Reconnecting to Ben",
    expectPath: both((own, name) => types(own, "host", "host", name)),
  },
  {
    name: "signaling-restart",
    network: "cone; Duet SIGKILLed and restarted mid-call",
    expected: "media never stops; chat typed meanwhile arrives once",
    homes: [
      { nat: "port-restricted", clients: 1 },
      { nat: "port-restricted", clients: 1 },
    ],
    ice: "stun",
    scenario: "signaling-restart",
    expectPath: both((own, name) => types(own, "srflx", "srflx", name)),
  },
];
