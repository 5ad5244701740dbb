import type { TIceConfig } from "@/lib/shared/turn";
import type { TCandidateType, TIceServerError } from "./peer-connection";

/** Why a call has no media path, in words the person (or their Duet operator) can act on. */
export interface TCallProblem {
  kind: "turn-refused" | "udp-blocked" | "relay-unreachable" | "no-ice-servers" | "connection-lost" | "no-path" | "signal-too-large";
  message: string;
}

export interface CallFailureFacts {
  iceConfig: TIceConfig | null;
  localCandidateTypes: ReadonlySet<TCandidateType>;
  iceErrors: readonly TIceServerError[];
  /** The connection had media before (it was lost), rather than never finding a path. */
  everConnected: boolean;
  restartAttempts: number;
  peerName: string;
}

function configuredSchemes(iceConfig: TIceConfig | null): { stun: boolean; turn: boolean } {
  const urls = (iceConfig?.iceServers ?? []).flatMap((server) => [server.urls].flat());
  return { stun: urls.some((url) => /^stuns?:/.test(url)), turn: urls.some((url) => /^turns?:/.test(url)) };
}

/**
 * Reads what the browser gathered: a STUN server that never answered (no srflx candidate)
 * means UDP does not leave this network; a TURN server that allocated nothing (no relay
 * candidate) means the relay is out of reach; a 401 means it refused Duet's credentials.
 */
export function diagnoseCallFailure(facts: CallFailureFacts): TCallProblem {
  const { iceConfig, localCandidateTypes, iceErrors, everConnected, restartAttempts, peerName } = facts;
  const configured = configuredSchemes(iceConfig);
  const refused = iceErrors.find((error) => error.code === 401);
  if (refused) {
    return {
      kind: "turn-refused",
      message: `The call can't connect: the relay server refused Duet's credentials (${refused.message}). Ask whoever runs Duet to check that TURN_SECRET matches the TURN server's and that both clocks are right.`,
    };
  }
  if (everConnected) {
    return {
      kind: "connection-lost",
      message: `The connection to ${peerName} was lost and could not be restored after ${restartAttempts} ${restartAttempts === 1 ? "attempt" : "attempts"}. Check your network, then leave and join the call again.`,
    };
  }
  if (configured.turn && !localCandidateTypes.has("relay")) {
    return {
      kind: "relay-unreachable",
      message:
        "The call can't connect: Duet's relay (TURN) server can't be reached from this network. Try another network, or ask whoever runs Duet to offer the relay over TCP or TLS on port 443.",
    };
  }
  if (configured.stun && !configured.turn && !localCandidateTypes.has("srflx")) {
    return {
      kind: "udp-blocked",
      message:
        "The call can't connect: UDP is blocked on this network and no relay (TURN) server is configured to get around it. Ask whoever runs Duet to set up TURN, or try another network.",
    };
  }
  if (!configured.stun && !configured.turn) {
    return {
      kind: "no-ice-servers",
      message: `The call can't connect: Duet has no STUN or TURN server configured, so calls only connect between people on the same network. Ask whoever runs Duet to set STUN_URLS and TURN.`,
    };
  }
  return {
    kind: "no-path",
    message: `The call can't connect: no network path to ${peerName} was found. A firewall on either side may be blocking it.`,
  };
}
