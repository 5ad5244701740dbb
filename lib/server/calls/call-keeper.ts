import type { TCallEndReason, TCallQuality } from "@/lib/shared/call";
import type { TCallSessionId } from "@/lib/shared/realtime-events";
import type { TDbClient } from "../db/create-db-client";
import type { TLogger } from "../logger";
import { trackInFlight } from "../realtime/in-flight";
import { callSessionKey } from "./call-session-key";
import { closeStaleCalls } from "./close-stale-calls";
import { endCall, endCallsForShutdown } from "./end-call";
import { recordCallQuality } from "./record-call-quality";
import { resumeCall } from "./resume-call";
import { startCall, type TCallSide } from "./start-call";
import { touchCalls } from "./touch-calls";

/** How often a node refreshes the open calls it holds. */
export const CALL_HEARTBEAT_MS = 30_000;
/** An open call nobody refreshed for this long was left behind by a dead node. */
export const CALL_STALE_AFTER_MS = 3 * CALL_HEARTBEAT_MS;

export interface CallKeeperOptions {
  db: TDbClient;
  logger: TLogger;
  heartbeatMs?: number;
  staleAfterMs?: number;
}

/**
 * One node's part in keeping call records: what the room session tells it (joined, connected,
 * left, quality) becomes database writes, and the call sessions this node holds are refreshed
 * every heartbeat so that the calls of a node that died (which refreshes nothing) are closed by
 * whichever node sweeps next, including one starting up. The writes never hold up signaling:
 * they run beside it, are logged when they fail, and a shutdown waits for them (trackInFlight).
 */
export class CallKeeper {
  /** Socket id → the call session it holds on this node. */
  private readonly held = new Map<string, TCallSessionId>();
  private timer: NodeJS.Timeout | null = null;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;

  constructor(private readonly options: CallKeeperOptions) {
    this.heartbeatMs = options.heartbeatMs ?? CALL_HEARTBEAT_MS;
    this.staleAfterMs = options.staleAfterMs ?? CALL_STALE_AFTER_MS;
  }

  /** Sweeps now (calls a dead node left behind are closed at the next start) and every heartbeat. */
  start(): void {
    if (this.timer) return;
    this.run("sweep", () => this.beat());
    this.timer = setInterval(() => this.run("heartbeat", () => this.beat()), this.heartbeatMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A connection joined the call; when the other member is in it too, their call may be resuming. */
  joined(roomId: string, socketId: string, self: TCallSessionId, peer: TCallSessionId | null): void {
    this.held.set(socketId, self);
    if (peer) this.run("resume", () => resumeCall(this.options.db, { roomId, sessionKey: callSessionKey(self, peer) }));
  }

  /** A browser reached "connected" with its peer: the call has started (or goes on). */
  connected(roomId: string, sides: [TCallSide, TCallSide]): void {
    this.run("start", () => startCall(this.options.db, { roomId, sides }));
  }

  /** A connection is out of the call (`reason` null: it still holds nothing, nothing ends). */
  left(roomId: string, socketId: string, callSessionId: TCallSessionId, reason: TCallEndReason | null): void {
    this.held.delete(socketId);
    if (reason) this.run("end", () => endCall(this.options.db, { roomId, callSessionId, reason }));
  }

  quality(roomId: string, userId: string, callSessionId: TCallSessionId, quality: TCallQuality): void {
    this.run("quality", () => recordCallQuality(this.options.db, { roomId, userId, callSessionId, quality }));
  }

  /** This node is stopping: the calls it holds end now, and reopen if their browsers resume elsewhere. */
  shutDown(): void {
    this.stop();
    const callSessionIds = [...new Set(this.held.values())];
    this.held.clear();
    this.run("shutdown", () => endCallsForShutdown(this.options.db, { callSessionIds }));
  }

  private async beat(): Promise<void> {
    const now = new Date();
    await touchCalls(this.options.db, { callSessionIds: [...new Set(this.held.values())], now });
    const closed = await closeStaleCalls(this.options.db, { staleBefore: new Date(now.getTime() - this.staleAfterMs) });
    if (closed > 0) this.options.logger.info({ closed }, "closed calls a stopped node left open");
  }

  private run(what: string, write: () => Promise<unknown>): void {
    void trackInFlight(write().catch((error: unknown) => this.options.logger.error({ err: error, what }, "call record write failed")));
  }
}
