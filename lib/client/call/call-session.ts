import { fitsInOneFrame, tooLargeToSend } from "@/lib/shared/payload-size";
import type { ClientToServerEvents, TCallDepartureReason, TCallPairing, TCallPeer, TCallSessionId, TMediaState } from "@/lib/shared/realtime-events";
import type { TIceConfig } from "@/lib/shared/turn";
import { newClientId } from "../new-client-id";
import type { TRoomSocket } from "../room-socket";
import { listenToCallEvents } from "./call-events";
import { diagnoseCallFailure, type TCallProblem } from "./call-problem";
import { CallQualitySampler } from "./call-quality";
import { fetchIceConfig } from "./fetch-ice-config";
import { IceRecovery } from "./ice-recovery";
import { IceCredentials } from "./ice-credentials";
import { ICE_RESTART_POLICY } from "./ice-restart-policy";
import { NamedTimers } from "./named-timers";
import { PeerConnection, type TIceServerError } from "./peer-connection";

/**
 * idle: not in the call · joining · waiting: in the call, alone · connecting: finding a media
 * path · connected · reconnecting: the path broke, ICE is restarting · failed: see `problem`.
 */
export type TCallPhase = "idle" | "joining" | "waiting" | "connecting" | "connected" | "reconnecting" | "failed";

export interface TCallSnapshot {
  phase: TCallPhase;
  peer: TCallPeer | null;
  /** The other member's browser lost its connection to Duet; their media may still be flowing. */
  peerAway: boolean;
  remoteStream: MediaStream | null;
  problem: TCallProblem | null;
  /** Something to tell the person that is not a failure ("Ben left the call"). */
  notice: string | null;
}

export const IDLE_CALL: TCallSnapshot = { phase: "idle", peer: null, peerAway: false, remoteStream: null, problem: null, notice: null };

interface PeerLink {
  pc: PeerConnection;
  /** This browser's call session when the link was made: the call its quality summary belongs to. */
  callSessionId: TCallSessionId;
  peerCallSessionId: TCallSessionId;
  quality: CallQualitySampler;
  initiator: boolean;
  everConnected: boolean;
  iceErrors: TIceServerError[];
  retriedCredentials: boolean;
}

const newCallSessionId = (): TCallSessionId => newClientId().replaceAll("-", "");

type TOutgoingSignalPayload<E extends "signal:description" | "signal:candidate"> = Parameters<ClientToServerEvents[E]>[0];
type TOutgoingSignal =
  ["signal:description", TOutgoingSignalPayload<"signal:description">] | ["signal:candidate", TOutgoingSignalPayload<"signal:candidate">];

/**
 * The browser's one owner of a 1:1 call: joining, the RTCPeerConnection and its negotiation,
 * local tracks, TURN credentials, ICE restarts, and what happens when signaling drops.
 *
 * It outlives the socket: when Socket.IO reconnects (server restart, node failover, network
 * loss), it joins again with the same callSessionId and keeps its RTCPeerConnection, which
 * usually never stopped carrying media; ICE restarts only if the path itself is down. React
 * subscribes to it (`subscribe` + `getSnapshot`) and calls `join`, `leave`, `setMedia`.
 */
export class CallSession {
  private snapshot: TCallSnapshot = IDLE_CALL;
  private readonly listeners = new Set<() => void>();
  private callSessionId: TCallSessionId | null = null;
  /** `call:join` was acknowledged on the socket's current connection. */
  private joinedOnConnection = false;
  private readonly credentials: IceCredentials;
  private link: PeerLink | null = null;
  /** Signaling produced while the other member can't be reached, sent when they can. */
  private outgoing: Array<() => void> = [];
  private localStream: MediaStream | null = null;
  private media: TMediaState = { audio: true, video: true };
  private readonly timers = new NamedTimers<"stall" | "peer-away" | "rejoin">();
  private readonly recovery = new IceRecovery({
    polite: () => !this.link?.initiator,
    canSignal: () => this.canSignal(),
    restart: () => this.restartIce(),
    onGiveUp: (attempts) => this.fail(attempts),
  });
  private readonly detach: () => void;

  /** `roomId`: the room whose socket this is; its membership is what earns TURN credentials. */
  constructor(
    private readonly socket: TRoomSocket,
    roomId: string,
    loadIceConfig: (roomId: string) => Promise<TIceConfig> = fetchIceConfig,
  ) {
    this.credentials = new IceCredentials(
      () => loadIceConfig(roomId),
      (config) => this.link?.pc.updateIceServers(config),
    );
    // Kept fresh for as long as the room is open, so joining never waits for them.
    this.credentials.warm();
    this.detach = this.listen();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TCallSnapshot => this.snapshot;

  async join(): Promise<void> {
    if (this.callSessionId || this.snapshot.phase === "joining") return;
    this.update({ ...IDLE_CALL, phase: "joining" });
    try {
      await this.credentials.start();
    } catch (reason) {
      this.update({ phase: "idle", notice: (reason as Error).message });
      return;
    }
    this.callSessionId = newCallSessionId();
    this.sendJoin();
  }

  leave(): void {
    if (!this.callSessionId) return;
    if (this.socket.connected) this.socket.emit("call:leave", () => {});
    this.endCall({ phase: "idle", notice: null });
  }

  setMedia(media: TMediaState): void {
    this.media = media;
    if (this.callSessionId && this.socket.connected) this.socket.emit("media:update", media);
  }

  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
    void this.link?.pc.replaceLocalStream(stream);
  }

  /** The media path's statistics while a peer connection exists: the quality indicator's source. */
  getStats = async (): Promise<RTCStatsReport | null> => (this.link ? this.link.pc.pc.getStats() : null);

  dispose(): void {
    this.leave();
    this.credentials.stop();
    this.detach();
    this.listeners.clear();
  }

  // --- signaling ---------------------------------------------------------------------------

  private listen(): () => void {
    return listenToCallEvents(this.socket, {
      // A reconnect mid-call: the same call session comes back; the RTCPeerConnection stays.
      onSignalingUp: () => this.callSessionId && this.sendJoin(),
      onSignalingDown: () => (this.joinedOnConnection = false),
      onPeerJoined: (pairing) => this.pair(pairing),
      onPeerLeft: (callSessionId, reason) => this.onPeerLeft(callSessionId, reason),
      onDescription: (callSessionId, description) => {
        const link = this.linkTo(callSessionId);
        void link?.pc.handleDescription(description).catch((reason: Error) => this.onIceError(link, { url: null, code: 0, message: reason.message }));
      },
      onCandidate: (callSessionId, candidate) => void this.linkTo(callSessionId)?.pc.handleCandidate(candidate),
      onPeerMedia: (userId, media) => {
        if (this.snapshot.peer?.user.id === userId) this.update({ peer: { ...this.snapshot.peer, media } });
      },
      onReplaced: () => this.endCall({ phase: "idle", notice: "You opened this room somewhere else, so the call moved there." }),
      onSessionEnded: () => {
        // Signed out: nothing more to join here, so no more credentials to keep fresh.
        this.credentials.stop();
        this.endCall({ phase: "idle", notice: "You were signed out, so the call ended." });
      },
      onNetworkChange: () => this.link && this.recovery.onNetworkChange(),
      onPageGone: () => this.leave(),
    });
  }

  /** Joins, or after a reconnect resumes, this call session on the socket's current connection. */
  private sendJoin(): void {
    const callSessionId = this.callSessionId;
    // Not connected: the socket's `connect` will send it; Socket.IO's own buffer would send it twice.
    if (!callSessionId || !this.socket.connected) return;
    this.socket.emit("call:join", { callSessionId, media: this.media }, (ack) => {
      if (callSessionId !== this.callSessionId) return;
      if (!ack.ok) {
        // A call under way keeps its media; try again shortly rather than dropping it.
        if (this.link) this.timers.set("rejoin", 2_000, () => this.sendJoin());
        else this.endCall({ phase: "idle", notice: ack.error.message });
        return;
      }
      this.joinedOnConnection = true;
      if (ack.data.pairing) this.pair(ack.data.pairing);
      else if (this.link) this.onPeerLeft(this.link.peerCallSessionId, "disconnected");
      else if (this.snapshot.phase === "joining") this.update({ phase: "waiting" });
    });
  }

  private canSignal(): boolean {
    return this.socket.connected && this.joinedOnConnection && this.snapshot.peer !== null && !this.snapshot.peerAway;
  }

  private signal(...signal: TOutgoingSignal): void {
    const [event, payload] = signal;
    if (!fitsInOneFrame(event, payload)) {
      // Sent, it would close the socket without a word, and the call would wait forever.
      this.update({ phase: "failed", problem: { kind: "signal-too-large", message: tooLargeToSend("Your browser's call setup", event, payload) } });
      return;
    }
    const send = () => void (signal[0] === "signal:description" ? this.socket.emit(signal[0], signal[1]) : this.socket.emit(signal[0], signal[1]));
    if (this.canSignal()) send();
    else this.outgoing.push(send);
  }

  private linkTo(callSessionId: TCallSessionId): PeerLink | null {
    return this.link?.peerCallSessionId === callSessionId ? this.link : null;
  }

  // --- the other member --------------------------------------------------------------------

  private pair({ peer, initiator }: TCallPairing): void {
    if (!this.callSessionId) return;
    this.timers.clear("peer-away");
    this.update({ peer, peerAway: false, notice: null });
    if (this.link?.peerCallSessionId === peer.callSessionId) {
      // The same two call sessions found each other again: resume on the same connection.
      for (const send of this.outgoing.splice(0)) send();
      this.recovery.onSignalingResumed(this.link.pc.connectionState === "connected");
      return;
    }
    this.closeLink();
    this.link = this.openLink(this.callSessionId, peer.callSessionId, initiator);
    this.update({ phase: "connecting", problem: null, remoteStream: null });
    this.timers.set("stall", ICE_RESTART_POLICY.stallAfterMs, () => {
      if (this.link && !this.link.everConnected) this.fail(this.recovery.attemptsMade);
    });
  }

  private onPeerLeft(callSessionId: TCallSessionId, reason: TCallDepartureReason): void {
    const link = this.linkTo(callSessionId);
    const name = this.snapshot.peer?.user.name ?? "The other person";
    if (!link) return;
    if (reason === "left") {
      this.closeLink();
      this.update({ phase: "waiting", peer: null, peerAway: false, remoteStream: null, problem: null, notice: `${name} left the call` });
      return;
    }
    // Their browser may come back with the same call session; media may even still be flowing.
    this.update({ peerAway: true });
    const giveUpIfStillDown = () => {
      if (this.link !== link) return;
      if (link.pc.connectionState === "connected") return this.timers.set("peer-away", ICE_RESTART_POLICY.peerAwayGiveUpMs, giveUpIfStillDown);
      this.closeLink();
      this.update({ phase: "waiting", peer: null, peerAway: false, remoteStream: null, notice: `${name}'s connection was lost` });
    };
    this.timers.set("peer-away", ICE_RESTART_POLICY.peerAwayGiveUpMs, giveUpIfStillDown);
  }

  // --- the media path ----------------------------------------------------------------------

  private openLink(callSessionId: TCallSessionId, peerCallSessionId: TCallSessionId, initiator: boolean): PeerLink {
    const link: PeerLink = {
      callSessionId,
      peerCallSessionId,
      initiator,
      everConnected: false,
      iceErrors: [],
      retriedCredentials: false,
      pc: null as unknown as PeerConnection,
      quality: null as unknown as CallQualitySampler,
    };
    link.pc = new PeerConnection({
      iceConfig: this.credentials.current!,
      localStream: this.localStream,
      initiator,
      polite: !initiator,
      sendDescription: (description) => this.signal("signal:description", { description }),
      sendCandidate: (candidate) => this.signal("signal:candidate", { candidate }),
      onRemoteStream: (stream) => this.link === link && this.update({ remoteStream: stream }),
      onStateChange: (state) => this.link === link && this.onConnectionState(link, state),
      onIceError: (error) => this.onIceError(link, error),
    });
    link.quality = new CallQualitySampler(link.pc.pc);
    return link;
  }

  private onConnectionState(link: PeerLink, state: RTCPeerConnectionState): void {
    this.recovery.onConnectionState(state);
    if (state === "connected") {
      // The first time only: the server records the call as started; a resumed link is the same call.
      if (!link.everConnected) {
        if (this.socket.connected) this.socket.emit("call:connected", { peerCallSessionId: link.peerCallSessionId });
        link.quality.start();
      }
      link.everConnected = true;
      this.timers.clear("stall");
      this.update({ phase: "connected", problem: null });
    } else if ((state === "disconnected" || state === "failed") && link.everConnected) {
      this.update({ phase: "reconnecting" });
    }
  }

  private onIceError(link: PeerLink | null, error: TIceServerError): void {
    if (!link || this.link !== link) return;
    link.iceErrors = [...link.iceErrors.slice(-9), error];
    // A refused TURN credential (401) leaves the connection at "new" rather than "failed":
    // fetch fresh credentials and restart ICE, once per call.
    if (error.code === 401 && !link.retriedCredentials) {
      link.retriedCredentials = true;
      void this.restartIce();
    }
  }

  /** Always with fresh TURN credentials: the ones the call started with may have expired. */
  private async restartIce(): Promise<void> {
    await this.credentials.refresh();
    await this.link?.pc.restartIce();
  }

  private fail(restartAttempts: number): void {
    const link = this.link;
    if (!link) return;
    const problem = diagnoseCallFailure({
      iceConfig: this.credentials.current,
      localCandidateTypes: link.pc.localCandidateTypes,
      iceErrors: link.iceErrors,
      everConnected: link.everConnected,
      restartAttempts,
      peerName: this.snapshot.peer?.user.name ?? "the other person",
    });
    this.update({ phase: "failed", problem });
  }

  // --- bookkeeping -------------------------------------------------------------------------

  private endCall(next: Pick<TCallSnapshot, "phase" | "notice">): void {
    this.callSessionId = null;
    this.joinedOnConnection = false;
    this.closeLink();
    this.timers.clearAll();
    this.update({ ...IDLE_CALL, ...next });
  }

  private closeLink(): void {
    this.recovery.reset();
    this.outgoing = [];
    this.timers.clear("stall");
    this.timers.clear("peer-away");
    if (this.link) this.reportQuality(this.link);
    this.link?.pc.close();
    this.link = null;
  }

  /** The call's quality summary, for its record; sent even after leaving, and buffered by the socket while it is down. */
  private reportQuality(link: PeerLink): void {
    const quality = link.quality.stop();
    if (quality) this.socket.emit("call:quality", { callSessionId: link.callSessionId, quality });
  }

  private update(change: Partial<TCallSnapshot>): void {
    // Nothing new (the second remote track joins the stream the first one brought): no render,
    // which would otherwise land between the steps of a call being set up.
    const entries = Object.entries(change) as Array<[keyof TCallSnapshot, unknown]>;
    if (entries.every(([key, value]) => Object.is(this.snapshot[key], value))) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
