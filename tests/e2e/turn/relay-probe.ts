import type { JSHandle, Page } from "@playwright/test";
import type { RTCIceServerInit } from "../../../lib/shared/turn";

export interface CandidateSummary {
  candidateType: string;
  /** How the browser reaches the TURN server ("udp", "tcp", "tls"); only on local relay candidates. */
  relayProtocol: string | null;
  address: string;
  port: number;
}

export interface SelectedPair {
  state: string;
  local: CandidateSummary;
  remote: CandidateSummary;
}

/**
 * The candidate pair carrying the newest connected call, found the way the spec defines it:
 * transport.selectedCandidatePairId → candidate-pair → local and remote candidates.
 */
export async function selectedCandidatePair(page: Page): Promise<SelectedPair | null> {
  const pc = await page.evaluateHandle(
    () => [...(window.__duetPeerConnections ?? [])].reverse().find((candidate) => candidate.connectionState === "connected") ?? null,
  );
  return selectedPairOf(pc);
}

/** The selected candidate pair of one peer connection, or null before it has one. */
export function selectedPairOf(connection: JSHandle<RTCPeerConnection | null>): Promise<SelectedPair | null> {
  return connection.evaluate(async (pc) => {
    type Report = { id: string; type: string; [field: string]: unknown };
    if (!pc) return null;
    const reports = new Map<string, Report>();
    (await pc.getStats()).forEach((report: Report) => reports.set(report.id, report));
    const transport = [...reports.values()].find((report) => report.type === "transport" && report.selectedCandidatePairId);
    const pair = transport && reports.get(String(transport.selectedCandidatePairId));
    if (!pair) return null;
    const summary = (id: unknown) => {
      const candidate = reports.get(String(id));
      return {
        candidateType: String(candidate?.candidateType),
        relayProtocol: typeof candidate?.relayProtocol === "string" ? candidate.relayProtocol : null,
        address: String(candidate?.address ?? candidate?.ip),
        port: Number(candidate?.port),
      };
    };
    return { state: String(pair.state), local: summary(pair.localCandidateId), remote: summary(pair.remoteCandidateId) };
  });
}

/**
 * Two relay-only peer connections in one page, wired straight to each other (descriptions
 * exchanged once gathering completes, candidates inside). Resolves with the offering side;
 * the caller waits for its connection state.
 */
export async function connectRelayedPair(page: Page, server: RTCIceServerInit): Promise<JSHandle<RTCPeerConnection>> {
  const pair = await page.evaluateHandle(async (iceServer) => {
    const configuration: RTCConfiguration = { iceServers: [iceServer], iceTransportPolicy: "relay" };
    const offerer = new RTCPeerConnection(configuration);
    const answerer = new RTCPeerConnection(configuration);
    const gathered = (pc: RTCPeerConnection) =>
      new Promise<RTCSessionDescriptionInit>((resolve) => {
        const check = () => {
          if (pc.iceGatheringState === "complete" && pc.localDescription) resolve(pc.localDescription.toJSON() as RTCSessionDescriptionInit);
        };
        pc.addEventListener("icegatheringstatechange", check);
        check();
      });
    offerer.createDataChannel("probe");
    await offerer.setLocalDescription();
    await answerer.setRemoteDescription(await gathered(offerer));
    await answerer.setLocalDescription();
    await offerer.setRemoteDescription(await gathered(answerer));
    return [offerer, answerer];
  }, server);
  return pair.evaluateHandle(([offerer]) => offerer as RTCPeerConnection);
}

export interface GatheringOutcome {
  candidateTypes: string[];
  errors: { errorCode: number; url: string; errorText: string }[];
}

/**
 * Gathers ICE candidates in the page with one ICE server, relay only, until gathering
 * completes: what a browser gets from a TURN server with exactly this credential.
 */
export function gatherRelayCandidates(page: Page, server: RTCIceServerInit): Promise<GatheringOutcome> {
  return page.evaluate(async (iceServer) => {
    const pc = new RTCPeerConnection({ iceServers: [iceServer], iceTransportPolicy: "relay" });
    const outcome: GatheringOutcome = { candidateTypes: [], errors: [] };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate?.type) outcome.candidateTypes.push(candidate.type);
    };
    pc.onicecandidateerror = (event) => {
      const { errorCode, url, errorText } = event as RTCPeerConnectionIceErrorEvent;
      outcome.errors.push({ errorCode, url: url ?? "", errorText });
    };
    const complete = new Promise<void>((resolve) => {
      pc.onicegatheringstatechange = () => {
        if (pc.iceGatheringState === "complete") resolve();
      };
    });
    pc.createDataChannel("probe");
    await pc.setLocalDescription(await pc.createOffer());
    await complete;
    pc.close();
    return outcome;
  }, server);
}
