"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { isAppError } from "@/lib/shared/errors";
import { fetchIceConfig } from "../call/fetch-ice-config";
import { connectivityVerdict } from "./connectivity-verdict";
import { signalingStep, stunStep, turnStep } from "./describe-steps";
import { probeCamera } from "./probe-camera";
import { probeStun, probeTurn } from "./probe-network";
import { probeSignaling } from "./probe-signaling";
import type { TStepState, TVerdict } from "./types";

export type TStepId = "camera" | "signaling" | "stun" | "turn";

export interface TCheckState {
  running: boolean;
  steps: Record<TStepId, TStepState>;
  /** The live camera for the preview, while the camera step passes. */
  cameraStream: MediaStream | null;
  verdict: TVerdict | null;
}

const PENDING: Record<TStepId, TStepState> = {
  camera: { status: "pending", message: "Asking for your camera and microphone…" },
  signaling: { status: "pending", message: "Connecting to Duet's realtime server…" },
  stun: { status: "pending", message: "Sending UDP to the STUN server…" },
  turn: { status: "pending", message: "Asking the relay server for an address…" },
};

const INITIAL: TCheckState = { running: true, steps: PENDING, cameraStream: null, verdict: null };

/**
 * Runs the four checks side by side (camera, realtime server, STUN, TURN) and the verdict once
 * the network ones are in. `run` starts over; results of an older run are dropped.
 */
export function useConnectivityCheck(): TCheckState & { run(): void } {
  const [state, setState] = useState<TCheckState>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);

  useEffect(() => {
    let current = true;
    const update = (change: (state: TCheckState) => TCheckState) => current && setState(change);
    const setStep = (id: TStepId, step: TStepState) => update((state) => ({ ...state, steps: { ...state.steps, [id]: step } }));
    setState(INITIAL);

    const camera = probeCamera().then(({ stream, ...step }) => {
      if (!current) return stream?.getTracks().forEach((track) => track.stop());
      streamRef.current = stream;
      update((state) => ({ ...state, cameraStream: stream, steps: { ...state.steps, camera: step } }));
    });
    const signaling = probeSignaling().then((result) => {
      setStep("signaling", signalingStep(result));
      return result;
    });
    const network = fetchIceConfig().then(
      (config) =>
        Promise.all([
          probeStun(config).then((result) => (setStep("stun", stunStep(result)), result)),
          probeTurn(config).then((result) => (setStep("turn", turnStep(result)), result)),
        ]),
      (error: unknown) => {
        const why = isAppError(error) ? error.message : "Duet didn't answer.";
        const step: TStepState = { status: "fail", message: `Couldn't get Duet's STUN and relay servers: ${why}` };
        setStep("stun", step);
        setStep("turn", step);
        return null;
      },
    );
    void Promise.all([signaling, network, camera]).then(([signalingResult, networkResults]) => {
      const verdict: TVerdict = networkResults
        ? connectivityVerdict({ signaling: signalingResult, stun: networkResults[0], turn: networkResults[1] })
        : { tone: "fail", headline: "The check couldn't finish: Duet's STUN and relay servers couldn't be loaded.", detail: "Reload the page, or sign in again." };
      update((state) => ({ ...state, running: false, verdict }));
    }, () => {
      // A browser without WebRTC (or one that refuses a peer connection) ends up here.
      const verdict: TVerdict = { tone: "fail", headline: "The check couldn't finish: this browser refused to test the network.", detail: "Try an up-to-date Chrome, Firefox or Safari." };
      update((state) => ({ ...state, running: false, verdict }));
    });

    return () => {
      current = false;
      streamRef.current?.getTracks().forEach((track) => track.stop());
      streamRef.current = null;
    };
  }, [attempt]);

  return { ...state, run: useCallback(() => setAttempt((n) => n + 1), []) };
}
