import { ICE_RESTART_POLICY, restartBackoffMs, restartDelayMs, type TRestartTrigger } from "./ice-restart-policy";

export interface IceRecoveryHooks {
  /** The polite side waits a little longer, so the two sides don't restart at once. */
  polite(): boolean;
  /** Signaling reaches the other member now; a restart without it could not be answered. */
  canSignal(): boolean;
  /** Fresh TURN credentials, then `restartIce()` on the same RTCPeerConnection. */
  restart(): Promise<void>;
  onGiveUp(attempts: number): void;
}

/**
 * Restarts ICE on the same connection when its path breaks (`disconnected` for a while,
 * `failed`, or the network changed), with bounded retries and backoff. A restart that is
 * due while signaling is down waits for it and happens as soon as signaling resumes.
 */
export class IceRecovery {
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt = Infinity;
  private waitingForSignaling = false;

  constructor(private readonly hooks: IceRecoveryHooks) {}

  get attemptsMade(): number {
    return this.attempts;
  }

  onConnectionState(state: RTCPeerConnectionState): void {
    if (state === "connected") this.reset();
    else if (state === "disconnected" || state === "failed") this.schedule(state);
  }

  onNetworkChange(): void {
    // A new network is a new start: its restarts get their own budget.
    this.attempts = 0;
    this.schedule("network-change");
  }

  /** Signaling is back (our socket, or the other member's). */
  onSignalingResumed(iceConnected: boolean): void {
    if (this.waitingForSignaling || !iceConnected) this.schedule("resumed");
  }

  reset(): void {
    this.attempts = 0;
    this.waitingForSignaling = false;
    this.clear();
  }

  dispose(): void {
    this.clear();
  }

  private schedule(trigger: TRestartTrigger): void {
    const dueAt = Date.now() + restartDelayMs(trigger, this.hooks.polite());
    if (this.timer && this.dueAt <= dueAt) return;
    this.clear();
    this.dueAt = dueAt;
    this.timer = setTimeout(() => void this.attempt(), dueAt - Date.now());
  }

  private async attempt(): Promise<void> {
    this.clear();
    if (!this.hooks.canSignal()) {
      this.waitingForSignaling = true;
      return;
    }
    if (this.attempts >= ICE_RESTART_POLICY.maxAttempts) {
      this.hooks.onGiveUp(this.attempts);
      return;
    }
    this.waitingForSignaling = false;
    this.attempts += 1;
    // Armed before the restart's own await: a restart that never connects is retried.
    this.dueAt = Date.now() + restartBackoffMs(this.attempts);
    this.timer = setTimeout(() => void this.attempt(), restartBackoffMs(this.attempts));
    await this.hooks.restart();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }
}
