import type { TIceConfig } from "@/lib/shared/turn";

/**
 * The call's ICE servers and their short-lived TURN credentials: fetched ahead of joining,
 * again at 80 % of their lifetime, and again before every ICE restart (the ones a call started
 * with may have expired by then). Each new set is handed to `onRefreshed` for the peer connection.
 */
export class IceCredentials {
  private config: TIceConfig | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loading: Promise<TIceConfig> | null = null;
  /** Bumped by stop(), so a load that was under way then does not start refreshing again. */
  private stops = 0;

  constructor(
    private readonly load: () => Promise<TIceConfig>,
    private readonly onRefreshed: (config: TIceConfig) => void,
  ) {}

  get current(): TIceConfig | null {
    return this.config;
  }

  /**
   * Fetches the first set before anyone clicks Join: on the click it would be the slowest
   * step of joining (a request through sign-in checks and a rate limit, tens of ms). A failure
   * here is met again, and reported, by start().
   */
  warm(): void {
    this.start().catch(() => {});
  }

  /** The set for a new call: the one kept fresh since warm() or an earlier call, else a new one. Throws when Duet can't hand out ICE servers. */
  async start(): Promise<TIceConfig> {
    if (this.config && this.timer) return this.config;
    const stops = this.stops;
    this.loading ??= this.load().finally(() => (this.loading = null));
    this.config = await this.loading;
    if (stops === this.stops) this.scheduleRefresh();
    return this.config;
  }

  /** A fresh set now; when Duet is unreachable, the current set stays (signaling's return retries). */
  async refresh(): Promise<TIceConfig | null> {
    try {
      this.config = await this.load();
      this.onRefreshed(this.config);
    } catch {
      // Keep what we have.
    }
    return this.config;
  }

  stop(): void {
    this.stops++;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleRefresh(): void {
    this.clearTimer();
    const ttlSeconds = this.config?.ttlSeconds ?? 0;
    if (ttlSeconds <= 0) return;
    this.timer = setTimeout(() => void this.refresh().finally(() => this.timer && this.scheduleRefresh()), ttlSeconds * 800);
  }
}
