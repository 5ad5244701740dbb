import { expect, type Page } from "@playwright/test";

declare global {
  interface Window {
    __duetPeerConnections?: RTCPeerConnection[];
  }
}

export interface RecordOptions {
  /** Relay only (`iceTransportPolicy: "relay"`), as behind a firewall that lets nothing but TURN out. */
  forceRelay?: boolean;
  /** Keeps only the TURN URLs with this `?transport=`, e.g. "tcp" to prove TURN over TCP. */
  turnTransport?: "udp" | "tcp";
}

/**
 * Installed before the page's own scripts: records every RTCPeerConnection the app makes,
 * so a test can read its state and getStats() as a person's browser experiences them.
 * With options, it also rewrites the configuration the app passes, without touching the app.
 */
export async function recordPeerConnections(page: Page, options: RecordOptions = {}): Promise<void> {
  await page.addInitScript(({ forceRelay, turnTransport }: RecordOptions) => {
    const Native = window.RTCPeerConnection;
    const created: RTCPeerConnection[] = [];
    window.__duetPeerConnections = created;
    const adjust = (configuration?: RTCConfiguration): RTCConfiguration | undefined => {
      if (!forceRelay && !turnTransport) return configuration;
      const adjusted: RTCConfiguration = { ...configuration };
      if (forceRelay) adjusted.iceTransportPolicy = "relay";
      if (turnTransport) {
        adjusted.iceServers = (configuration?.iceServers ?? []).flatMap((server) => {
          const urls = [server.urls].flat().filter((url) => !/^turns?:/.test(url) || url.includes(`transport=${turnTransport}`));
          return urls.length > 0 ? [{ ...server, urls }] : [];
        });
      }
      return adjusted;
    };
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(adjust(configuration));
        created.push(this);
      }
      // The app refreshes TURN credentials with setConfiguration; keep the same rewrite.
      setConfiguration(configuration?: RTCConfiguration): void {
        super.setConfiguration(adjust(configuration));
      }
    } as typeof RTCPeerConnection;
  }, options);
}

export interface MediaFlow {
  connectionState: string;
  videoWidth: number;
  framesDecoded: number;
  audioPacketsReceived: number;
}

/** What the newest peer connection and the remote <video> show right now. */
export async function mediaFlow(page: Page): Promise<MediaFlow> {
  return page.evaluate(async () => {
    const pcs = window.__duetPeerConnections ?? [];
    const pc = [...pcs].reverse().find((candidate) => candidate.connectionState !== "closed");
    const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
    const flow = { connectionState: pc?.connectionState ?? "none", videoWidth: video?.videoWidth ?? 0, framesDecoded: 0, audioPacketsReceived: 0 };
    if (!pc) return flow;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; framesDecoded?: number; packetsReceived?: number }) => {
      if (report.type !== "inbound-rtp") return;
      if (report.kind === "video") flow.framesDecoded = report.framesDecoded ?? 0;
      if (report.kind === "audio") flow.audioPacketsReceived = report.packetsReceived ?? 0;
    });
    return flow;
  });
}

/** The remote video is playing: connected, sized, and decoding new frames and audio packets. */
export async function expectRemoteMediaPlaying(page: Page): Promise<MediaFlow> {
  let first: MediaFlow | undefined;
  await expect
    .poll(
      async () => {
        const flow = await mediaFlow(page);
        if (flow.connectionState === "connected" && flow.videoWidth > 0 && flow.framesDecoded > 0) first ??= flow;
        return first ? flow.framesDecoded > first.framesDecoded && flow.audioPacketsReceived > first.audioPacketsReceived : false;
      },
      { message: "remote video and audio should be playing", timeout: 30_000, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return mediaFlow(page);
}
