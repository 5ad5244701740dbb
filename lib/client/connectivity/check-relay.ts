import { isAppError } from "@/lib/shared/errors";
import { fetchIceConfig } from "../call/fetch-ice-config";
import { turnStep } from "./describe-steps";
import { probeTurn } from "./probe-network";
import type { TStepState, TTurnNotTested, TTurnProbeResult } from "./types";

export const RELAY_NEEDS_A_ROOM =
  "The relay wasn't tested: Duet gives relay credentials only for a call in one of your rooms. Open the check from a room to test the relay.";

export const RELAY_NOT_YOUR_ROOM =
  "The relay wasn't tested: this link isn't one of your rooms, and Duet gives relay credentials only to a room's members. Open the check from one of your rooms to test the relay.";

export interface TRelayCheck {
  step: TStepState;
  result: TTurnProbeResult[] | TTurnNotTested;
}

/**
 * The relay (TURN) step: credentials for the room the check was opened from, then one
 * allocation per transport. Without a room, or for a room that isn't the person's, nothing is
 * probed and the step says why; Duet answers an absent room and someone else's alike.
 */
export async function checkRelay(roomId: string | null): Promise<TRelayCheck> {
  if (!roomId) return notTested("skip", RELAY_NEEDS_A_ROOM);
  try {
    const probes = await probeTurn(await fetchIceConfig(roomId));
    return { step: turnStep(probes), result: probes };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "NOT_FOUND") return notTested("skip", RELAY_NOT_YOUR_ROOM);
    return notTested("fail", `The relay wasn't tested: Duet's relay credentials couldn't be loaded. ${error.message}`);
  }
}

function notTested(status: "skip" | "fail", message: string): TRelayCheck {
  return { step: { status, message }, result: { notTested: message } };
}
