"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { checkRelay } from "./check-relay";
import { connectivityVerdict } from "./connectivity-verdict";
import { signalingStep, stunStep } from "./describe-steps";
import { probeCamera } from "./probe-camera";
import { probeStun } from "./probe-network";
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

export interface TCheckOptions {
  /** The room the check was opened from: only a room's members get relay credentials to test. */
  roomId: string | null;
  /** Duet's STUN servers (public, so the page carries them). */
  stunUrls: string[];
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
export function useConnectivityCheck({ roomId, stunUrls }: TCheckOptions): TCheckState & { run(): void } {
  const [state, setState] = useState<TCheckState>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);
  // A new array each render must not restart the check; the URLs themselves are what matter.
  const stunKey = stunUrls.join(" ");

  useEffect(() => {
    let current = true;
    const update = (change: (state: TCheckState) => TCheckState) => current && setState(change);
    const setStep = (id: TStepId, step: TStepState) => update((state) => ({ ...state, steps: { ...state.steps, [id]: step } }));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- "Run again" starts from a clean slate
    setState(INITIAL);

    const camera = probeCamera().then(({ stream, ...step }) => {
      if (!current) return stream?.getTracks().forEach((track) => track.stop());
      streamRef.current = stream;
      update((state) => ({ ...state, cameraStream: stream, steps: { ...state.steps, camera: step } }));
    });
    const signaling = probeSignaling().then((result) => (setStep("signaling", signalingStep(result)), result));
    const stun = probeStun(stunKey ? stunKey.split(" ") : []).then((result) => (setStep("stun", stunStep(result)), result));
    const turn = checkRelay(roomId).then(({ step, result }) => (setStep("turn", step), result));
    void Promise.all([signaling, stun, turn, camera]).then(
      ([signalingResult, stunResult, turnResult]) => {
        update((state) => ({
          ...state,
          running: false,
          verdict: connectivityVerdict({ signaling: signalingResult, stun: stunResult, turn: turnResult }),
        }));
      },
      () => {
        // A browser without WebRTC (or one that refuses a peer connection) ends up here.
        const verdict: TVerdict = {
          tone: "fail",
          headline: "The check couldn't finish: this browser refused to test the network.",
          detail: "Try an up-to-date Chrome, Firefox or Safari.",
        };
        update((state) => ({ ...state, running: false, verdict }));
      },
    );

    return () => {
      current = false;
      streamRef.current?.getTracks().forEach((track) => track.stop());
      streamRef.current = null;
    };
  }, [attempt, roomId, stunKey]);

  return { ...state, run: useCallback(() => setAttempt((n) => n + 1), []) };
}
