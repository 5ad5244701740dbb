import type { TIceConfig } from "@/lib/shared/turn";
import { gatherCandidates } from "./gather-candidates";
import { splitIceServers } from "./ice-servers";
import type { TStunResult, TTurnProbeResult } from "./types";

const GATHER_TIMEOUT_MS = 5_000;

/** UDP to Duet's STUN servers: did one reflect our public address (a srflx candidate)? */
export async function probeStun(stunUrls: string[]): Promise<TStunResult> {
  const { stun } = splitIceServers([{ urls: stunUrls }]);
  if (!stun) return { configured: false, srflx: false };
  const gathering = await gatherCandidates(
    { iceServers: [stun] },
    { timeoutMs: GATHER_TIMEOUT_MS, stopWhen: ({ types }) => types.includes("srflx") },
  );
  return { configured: true, srflx: gathering.types.includes("srflx") };
}

/** One relay-only allocation per TURN transport Duet offers, side by side. */
export function probeTurn(config: TIceConfig): Promise<TTurnProbeResult[]> {
  const { turn } = splitIceServers(config.iceServers);
  return Promise.all(
    turn.map(async ({ transport, server }) => {
      const gathering = await gatherCandidates(
        { iceServers: [server], iceTransportPolicy: "relay" },
        { timeoutMs: GATHER_TIMEOUT_MS, stopWhen: ({ types }) => types.includes("relay") },
      );
      return { transport, relay: gathering.types.includes("relay"), errorCodes: gathering.errorCodes };
    }),
  );
}
