import type { TIceConfig } from "@/lib/shared/turn";

/**
 * The call's ICE servers and their short-lived TURN credentials: fetched on join, again at
 * 80 % of their lifetime, and again before every ICE restart (the ones a call started with
 * may have expired by then). Each new set is handed to `onRefreshed` for the peer connection.
 */
export class IceCredentials {
  private config: TIceConfig | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly load: () => Promise<TIceConfig>,
    private readonly onRefreshed: (config: TIceConfig) => void,
  ) {}

  get current(): TIceConfig | null {
    return this.config;
  }

  /** The first set, for a new call; throws when Duet can't hand out ICE servers. */
  async start(): Promise<TIceConfig> {
    this.config = await this.load();
    this.scheduleRefresh();
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleRefresh(): void {
    this.stop();
    const ttlSeconds = this.config?.ttlSeconds ?? 0;
    if (ttlSeconds <= 0) return;
    this.timer = setTimeout(() => void this.refresh().finally(() => this.timer && this.scheduleRefresh()), ttlSeconds * 800);
  }
}
