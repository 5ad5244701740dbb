import type { TNetworkResults, TTurnProbeResult, TVerdict } from "./types";

const OPERATOR_CHECK_TURN = "whoever runs Duet should check TURN_SECRET and that the servers' clocks are right";

/**
 * The one sentence that answers "will my calls work from this network?". Order matters: a
 * direct path (srflx) beats the relay, the relay over UDP beats TCP/TLS, and a relay that
 * refused our credentials is told apart from one that could not be reached at all.
 * A relay that was not tested (no room to ask credentials for) is never reported as working
 * or broken: the verdict says what STUN showed and why the relay is unknown.
 * The camera is reported on its own step: it does not change what the network allows.
 */
export function connectivityVerdict({ signaling, stun, turn }: TNetworkResults): TVerdict {
  if (signaling.transport === null) {
    return {
      tone: "fail",
      headline: "Calls from this network will fail: Duet's realtime server can't be reached.",
      detail: signaling.refusal ?? "A firewall or proxy may be blocking it; try another network.",
    };
  }
  const pollingNote =
    signaling.transport === "polling" ? "Duet's realtime connection works only over long-polling here, which is slower to react." : null;
  if (!Array.isArray(turn)) return verdictWithoutRelay(stun, join(turn.notTested, pollingNote));
  return verdictWithRelay(stun, turn, pollingNote);
}

function verdictWithoutRelay(stun: TNetworkResults["stun"], detail: string | null): TVerdict {
  if (stun.srflx) return { tone: "pass", headline: "Calls will connect directly.", detail };
  if (stun.configured) return { tone: "warn", headline: "Calls from this network need the relay: the STUN server didn't answer over UDP.", detail };
  return { tone: "warn", headline: "Calls will connect only between people on the same network, unless the relay works.", detail };
}

function verdictWithRelay(stun: TNetworkResults["stun"], turn: TTurnProbeResult[], pollingNote: string | null): TVerdict {
  const relayOver = (udp: boolean) => turn.some((probe) => probe.relay && (probe.transport === "udp") === udp);
  const refused = turn.some((probe) => !probe.relay && probe.errorCodes.includes(401));

  if (stun.srflx) {
    const relayBroken = turn.length > 0 && !relayOver(true) && !relayOver(false);
    const relayNote = relayBroken
      ? "The relay server could not be used from here, though, so calls with people on strict networks may fail."
      : "If the other person's network is strict, the call will use the relay when one is available.";
    return { tone: relayBroken ? "warn" : "pass", headline: "Calls will connect directly.", detail: join(relayNote, pollingNote) };
  }
  if (relayOver(true)) return { tone: "pass", headline: "Calls will go through the relay.", detail: pollingNote };
  if (relayOver(false)) {
    return {
      tone: "warn",
      headline: "Calls will go through the relay over TCP.",
      detail: join("UDP is blocked here, so calls may lag a little more.", pollingNote),
    };
  }
  if (turn.length > 0) {
    return refused
      ? {
          tone: "fail",
          headline: `Calls from this network will fail: the relay server can't be reached with Duet's credentials (it refused them: 401); ${OPERATOR_CHECK_TURN}.`,
          detail: null,
        }
      : {
          tone: "fail",
          headline: "Calls from this network will fail: the relay server can't be reached.",
          detail: "UDP and the relay's ports seem blocked here; try another network.",
        };
  }
  if (!stun.configured) {
    return {
      tone: "warn",
      headline: "Calls will connect only between people on the same network.",
      detail: "Duet has no STUN or relay (TURN) server configured; ask whoever runs Duet to set them up.",
    };
  }
  return {
    tone: "fail",
    headline: "Calls from this network will fail: UDP is blocked and no relay is configured; ask whoever runs Duet to set up TURN.",
    detail: null,
  };
}

function join(...parts: Array<string | null>): string | null {
  const present = parts.filter((part): part is string => part !== null);
  return present.length > 0 ? present.join(" ") : null;
}
