import type { TIceCandidate, TSessionDescription } from "@/lib/shared/realtime-events";
import type { TIceConfig } from "@/lib/shared/turn";

export interface PeerConnectionOptions {
  iceConfig: TIceConfig;
  localStream: MediaStream | null;
  /** The polite peer yields on glare: it rolls back its own offer and takes the other's. */
  polite: boolean;
  /** The initiator makes the first offer; the other side adds its tracks when that offer arrives. */
  initiator: boolean;
  sendDescription(description: TSessionDescription): void;
  sendCandidate(candidate: TIceCandidate): void;
  onRemoteStream(stream: MediaStream): void;
  onStateChange(state: RTCPeerConnectionState): void;
  /** ICE server errors such as 401 (a wrong or expired TURN credential). */
  onIceError(error: TIceServerError): void;
}

export interface TIceServerError {
  url: string | null;
  /** STUN/TURN error code, e.g. 401 for refused credentials; 0 for local failures. */
  code: number;
  message: string;
}

/** The kinds of local candidate gathered so far: what this network lets the browser reach. */
export type TCandidateType = "host" | "srflx" | "prflx" | "relay";

/**
 * One side of a 1:1 call: the W3C "perfect negotiation" pattern over Duet's signaling,
 * with remote candidates queued until a remote description exists.
 */
export class PeerConnection {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private tracksAdded = false;
  private readonly queuedCandidates: RTCIceCandidateInit[] = [];
  private readonly remoteStream = new MediaStream();
  private closed = false;
  readonly localCandidateTypes = new Set<TCandidateType>();

  constructor(private readonly options: PeerConnectionOptions) {
    this.pc = new RTCPeerConnection({ iceServers: options.iceConfig.iceServers });
    this.pc.ontrack = ({ track }) => {
      this.remoteStream.addTrack(track);
      options.onRemoteStream(this.remoteStream);
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      if (candidate.type) this.localCandidateTypes.add(candidate.type);
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
      options.sendCandidate({ candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment });
    };
    this.pc.onnegotiationneeded = () => void this.offer();
    this.pc.onconnectionstatechange = () => options.onStateChange(this.pc.connectionState);
    this.pc.onicecandidateerror = (event) => {
      const { errorCode, errorText, url } = event as RTCPeerConnectionIceErrorEvent;
      // 701 is "no route to this STUN/TURN server", routine on machines without that interface.
      if (errorCode !== 701)
        options.onIceError({ url: url ?? null, code: errorCode, message: `${url ?? "ICE server"}: ${errorCode} ${errorText}`.trim() });
    };
    if (options.initiator) {
      this.addLocalTracks();
      // The first offer now, not on `negotiationneeded`: that event waits for a task of its own,
      // which queues behind whatever the page renders for the new call. The event then finds
      // this offer under way and does not fire (the spec aborts it outside "stable"); it still
      // drives every later negotiation (ICE restarts, glare).
      void this.offer();
    }
  }

  async handleDescription(description: TSessionDescription): Promise<void> {
    if (this.closed) return;
    const { pc, options } = this;
    const readyForOffer = !this.makingOffer && (pc.signalingState === "stable" || this.settingRemoteAnswer);
    const collision = description.type === "offer" && !readyForOffer;
    this.ignoreOffer = !options.polite && collision;
    if (this.ignoreOffer) return;
    this.settingRemoteAnswer = description.type === "answer";
    // On a collision the polite side's setRemoteDescription rolls its own offer back implicitly.
    await pc.setRemoteDescription(description as RTCSessionDescriptionInit);
    this.settingRemoteAnswer = false;
    await this.flushCandidates();
    if (description.type !== "offer") return;
    // Added only now, the answerer's tracks reuse the offer's transceivers instead of
    // starting a competing offer of their own.
    this.addLocalTracks();
    await pc.setLocalDescription();
    if (pc.localDescription) options.sendDescription(pc.localDescription.toJSON() as TSessionDescription);
  }

  async handleCandidate(candidate: TIceCandidate): Promise<void> {
    if (this.closed || !candidate) return;
    if (!this.pc.remoteDescription) {
      this.queuedCandidates.push(candidate);
      return;
    }
    await this.addCandidate(candidate);
  }

  get connectionState(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** New ICE servers (refreshed TURN credentials) for the next gathering. */
  updateIceServers(iceConfig: TIceConfig): void {
    if (this.closed) return;
    this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: iceConfig.iceServers });
  }

  /**
   * Gathers candidates afresh on the same connection (new ICE credentials, same DTLS and
   * tracks). An offer of ours that was lost while signaling was down is taken back first,
   * so the restart's offer is not stuck behind it.
   */
  async restartIce(): Promise<void> {
    if (this.closed) return;
    if (this.pc.signalingState === "have-local-offer" && !this.makingOffer) {
      await this.pc.setLocalDescription({ type: "rollback" });
    }
    this.pc.restartIce();
  }

  /**
   * Swaps in another local stream's tracks (a camera that started late or was changed, a
   * shared screen) without renegotiating. A kind this side had nothing of when the call was
   * negotiated (a screen shared without a camera) has only a receiving transceiver: it starts
   * sending, which renegotiates once, through `negotiationneeded`.
   */
  async replaceLocalStream(stream: MediaStream | null): Promise<void> {
    if (this.closed) return;
    this.options.localStream = stream;
    if (!this.tracksAdded) return;
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.currentDirection === "stopped" || transceiver.direction === "stopped") continue;
      const kind = transceiver.receiver.track.kind;
      const next = stream?.getTracks().find((track) => track.kind === kind) ?? null;
      if (next !== transceiver.sender.track) await transceiver.sender.replaceTrack(next);
      if (!next || transceiver.direction === "sendrecv" || transceiver.direction === "sendonly") continue;
      if (stream) transceiver.sender.setStreams(stream);
      transceiver.direction = "sendrecv";
    }
  }

  close(): void {
    this.closed = true;
    this.pc.ontrack = this.pc.onicecandidate = this.pc.onnegotiationneeded = null;
    this.pc.onconnectionstatechange = this.pc.onicecandidateerror = null;
    this.pc.close();
  }

  private addLocalTracks(): void {
    if (this.tracksAdded) return;
    this.tracksAdded = true;
    const stream = this.options.localStream;
    stream?.getTracks().forEach((track) => this.pc.addTrack(track, stream));
    // Without a camera or microphone the initiator still offers to receive the other's.
    if (!this.options.initiator) return;
    for (const kind of ["audio", "video"] as const) {
      if (!stream?.getTracks().some((track) => track.kind === kind)) this.pc.addTransceiver(kind, { direction: "recvonly" });
    }
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription) this.options.sendDescription(this.pc.localDescription.toJSON() as TSessionDescription);
    } catch (error) {
      this.options.onIceError({ url: null, code: 0, message: `Could not start the call: ${(error as Error).message}` });
    } finally {
      this.makingOffer = false;
    }
  }

  private async flushCandidates(): Promise<void> {
    for (const candidate of this.queuedCandidates.splice(0)) await this.addCandidate(candidate);
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      // Candidates of an offer we ignored on glare are expected to fail.
      if (!this.ignoreOffer) this.options.onIceError({ url: null, code: 0, message: `Bad ICE candidate: ${(error as Error).message}` });
    }
  }
}
