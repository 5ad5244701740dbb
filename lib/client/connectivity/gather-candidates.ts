export interface TGathering {
  /** Candidate types seen (host, srflx, prflx, relay). */
  types: string[];
  /** `icecandidateerror` codes, without 701 (no route from one of this machine's interfaces). */
  errorCodes: number[];
}

/**
 * Gathers ICE candidates for a throwaway peer connection (a data channel is enough to need a
 * transport) until gathering completes, `stopWhen` is satisfied, or `timeoutMs` passes: a
 * refused TURN allocation can leave gathering unfinished, so the wait is ours to bound.
 */
export async function gatherCandidates(
  configuration: RTCConfiguration,
  { timeoutMs, stopWhen }: { timeoutMs: number; stopWhen?: (gathering: TGathering) => boolean },
): Promise<TGathering> {
  const pc = new RTCPeerConnection(configuration);
  const gathering: TGathering = { types: [], errorCodes: [] };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      pc.onicecandidate = ({ candidate }) => {
        if (candidate?.type) gathering.types.push(candidate.type);
        if (!candidate || stopWhen?.(gathering)) finish();
      };
      pc.onicecandidateerror = (event) => {
        const { errorCode } = event as RTCPeerConnectionIceErrorEvent;
        if (errorCode !== 701) gathering.errorCodes.push(errorCode);
      };
      pc.onicegatheringstatechange = () => {
        if (pc.iceGatheringState === "complete") finish();
      };
      pc.createDataChannel("connectivity-check");
      pc.createOffer()
        .then((offer) => pc.setLocalDescription(offer))
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    pc.close();
  }
  return gathering;
}
