import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";

/**
 * What a page's WebRTC is doing, read the way the browser itself reports it. Mirrors
 * tests/e2e/support/call-probe.ts without @playwright/test, which this runner does not use.
 */
declare global {
  interface Window {
    __duetPeerConnections?: RTCPeerConnection[];
    __duetIceLog?: string[];
  }
}

/**
 * Before the app's scripts run: record every RTCPeerConnection it makes, untouched, and a
 * timeline of their ICE states and ICE server errors for a failed row's report.
 * (No named helper functions in page code: tsx compiles them with an esbuild `__name`
 * wrapper the page does not have.)
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const created: RTCPeerConnection[] = [];
    const log: string[] = [];
    const startedAt = Date.now();
    window.__duetPeerConnections = created;
    window.__duetIceLog = log;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        created.push(this);
        const index = created.length;
        this.addEventListener("iceconnectionstatechange", () => log.push(`+${Date.now() - startedAt}ms pc${index} ice ${this.iceConnectionState}`));
        this.addEventListener("icecandidateerror", (event) => {
          const { errorCode, url } = event as RTCPeerConnectionIceErrorEvent;
          log.push(`+${Date.now() - startedAt}ms pc${index} ${url} error ${errorCode}`);
        });
      }
    } as typeof RTCPeerConnection;
  });
}

/** The page's ICE timeline (see recordPeerConnections). */
export function iceLog(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__duetIceLog ?? []).catch(() => []);
}

export interface Candidate {
  candidateType: string;
  protocol: string;
  /** How the browser reaches its TURN server; only on local relay candidates. */
  relayProtocol: string | null;
  address: string;
}

export interface Snapshot {
  /** How many RTCPeerConnections the page has made so far (a resumed call keeps its one). */
  peerConnections: number;
  connectionState: string;
  videoWidth: number;
  framesDecoded: number;
  /** The remote description's ice-ufrag: it changes when ICE restarts. */
  remoteUfrag: string | null;
  pair: { local: Candidate; remote: Candidate } | null;
}

/**
 * The newest peer connection, the remote <video>, and the selected candidate pair, found as
 * the spec defines it: transport.selectedCandidatePairId → candidate-pair → local/remote candidates.
 */
export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    type Report = { id: string; type: string; [field: string]: unknown };
    const pcs = window.__duetPeerConnections ?? [];
    const pc = pcs.at(-1);
    const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
    const result: Snapshot = {
      peerConnections: pcs.length,
      connectionState: pc?.connectionState ?? "none",
      videoWidth: video?.videoWidth ?? 0,
      framesDecoded: 0,
      remoteUfrag: pc?.remoteDescription?.sdp.match(/a=ice-ufrag:(\S+)/)?.[1] ?? null,
      pair: null,
    };
    if (!pc) return result;
    const reports = new Map<string, Report>();
    (await pc.getStats()).forEach((report: Report) => reports.set(report.id, report));
    for (const report of reports.values()) {
      if (report.type === "inbound-rtp" && report.kind === "video") result.framesDecoded = Number(report.framesDecoded ?? 0);
    }
    const transport = [...reports.values()].find((report) => report.type === "transport" && report.selectedCandidatePairId);
    const pair = transport && reports.get(String(transport.selectedCandidatePairId));
    if (pair) {
      const [local, remote] = [pair.localCandidateId, pair.remoteCandidateId].map((id): Candidate => {
        const found = reports.get(String(id));
        return {
          candidateType: String(found?.candidateType),
          protocol: String(found?.protocol),
          relayProtocol: typeof found?.relayProtocol === "string" ? found.relayProtocol : null,
          address: String(found?.address ?? found?.ip),
        };
      });
      result.pair = { local: local!, remote: remote! };
    }
    return result;
  });
}

const inPage = (file: string) => readFileSync(path.join(__dirname, file), "utf8").trim().replace(/;$/, "");
const FIRST_REMOTE_FRAME_IN_PAGE = inPage("first-remote-frame.in-page.js");
const DECODED_FRAMES_IN_PAGE = inPage("decoded-frames.in-page.js");

export interface FrameWatchOptions {
  /** New frames that must be decoded. */
  frames: number;
  /** Epoch ms the watch lasts at least until; default now. */
  until?: number;
  /** Count the condition met only while the newest RTCPeerConnection is connected. */
  whileConnected?: boolean;
  timeoutMs: number;
}

export interface FrameWatch {
  /** Remote video frames decoded during the watch. */
  frames: number;
  /** The longest the decoder stood still during the watch, its ends included. */
  maxGapMs: number;
  /** Epoch ms at which the condition was met; null if it was not within the timeout. */
  metAt: number | null;
}

/**
 * Watches the remote video's decoder inside the page, from now on, until `frames` new frames
 * were decoded (and `until` has passed): waiting for media is one call the page answers when it
 * happens, not a loop of the runner's looks.
 */
export function watchDecodedFrames(page: Page, { frames, until = 0, whileConnected = false, timeoutMs }: FrameWatchOptions): Promise<FrameWatch> {
  return page.evaluate(`(${DECODED_FRAMES_IN_PAGE})(${JSON.stringify({ frames, until, whileConnected, timeoutMs })})`);
}

/**
 * Epoch ms at which the page presented its first remote video frame from now on, timed inside
 * the page by the frame's own callback (requestVideoFrameCallback, as the call-setup bench
 * times it): neither the runner's polling nor a polling step adds to the figure. Null when no
 * frame came within `timeoutMs`.
 */
export function firstRemoteFrameAt(page: Page, timeoutMs: number): Promise<number | null> {
  return page.evaluate(`(${FIRST_REMOTE_FRAME_IN_PAGE})(${Number(timeoutMs)})`);
}

/** Epoch ms at which media flows (again): new frames decoded on a connected connection; null if not in time. */
export async function framesRisingAt(page: Page, timeoutMs: number): Promise<number | null> {
  return (await watchDecodedFrames(page, { frames: 1, whileConnected: true, timeoutMs })).metAt;
}

/**
 * Media is flowing now: new remote frames decoded on a connected connection. Resolves
 * with a snapshot taken then, or null if that does not happen in time.
 */
export async function mediaFlowing(page: Page, timeoutMs: number): Promise<Snapshot | null> {
  return (await framesRisingAt(page, timeoutMs)) === null ? null : snapshot(page);
}
