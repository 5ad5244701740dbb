import { Manager } from "socket.io-client";
import { REALTIME_PATH } from "@/lib/shared/paths";
import { describeConnectError, type TConnectError } from "../describe-connect-error";
import type { TSignalingResult, TSignalingTransport } from "./types";

const ATTEMPT_TIMEOUT_MS = 6_000;

/**
 * Can this browser reach Duet's realtime server, and how? Opens only the Engine.IO connection
 * (the same-origin session cookie authenticates its handshake, no room namespace is joined):
 * first over WebSocket, then, if that fails, over HTTP long-polling.
 */
export async function probeSignaling(): Promise<TSignalingResult> {
  let refusal: string | null = null;
  for (const transport of ["websocket", "polling"] as const) {
    const attempt = await openEngine(transport);
    if (attempt.ok) return { transport, refusal: null };
    refusal ??= attempt.refusal;
  }
  return { transport: null, refusal };
}

function openEngine(transport: TSignalingTransport): Promise<{ ok: true } | { ok: false; refusal: string | null }> {
  const manager = new Manager({
    path: REALTIME_PATH,
    transports: [transport],
    upgrade: false,
    reconnection: false,
    autoConnect: false,
    timeout: ATTEMPT_TIMEOUT_MS,
    withCredentials: true,
  });
  return new Promise((resolve) => {
    manager.open((error?: Error) => {
      // Read the refusal now: a long-polling body is discarded once this callback returns.
      const refusal = error ? describeConnectError(error as TConnectError) : null;
      manager.engine.close();
      resolve(error ? { ok: false, refusal } : { ok: true });
    });
  });
}
