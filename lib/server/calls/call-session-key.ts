import type { TCallSessionId } from "@/lib/shared/realtime-events";

/**
 * What names one call: the two browsers' call sessions, in a fixed order. When both come back
 * with the same ids (a socket reconnect, a server restart, a move to another node), it is the
 * same call going on; a new id on either side (a reload, a new Join) is a new call.
 */
export function callSessionKey(a: TCallSessionId, b: TCallSessionId): string {
  return a < b ? `${a}.${b}` : `${b}.${a}`;
}
