"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useMounted } from "../use-mounted";

export interface ScreenShare {
  /** The shared screen's video track while sharing, else null. */
  track: MediaStreamTrack | null;
  starting: boolean;
  error: string | null;
  start(): Promise<void>;
  stop(): void;
}

/**
 * Sharing the screen. The screen's track takes the camera's place in the call (the caller
 * composes the outgoing stream), swapped in with RTCRtpSender.replaceTrack like a camera
 * switch: no renegotiation, nothing new for the other side to handle, and a 1:1 call has one
 * picture to look at anyway. A second video would mean a new transceiver, an offer/answer
 * round and a layout for two remote videos, for little gain between two people.
 * Stopping from the browser's own "Stop sharing" bar ends the track: that stops sharing here
 * too, and the camera, kept running meanwhile, comes back at once.
 */
export function useScreenShare(): ScreenShare {
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const mounted = useMounted();

  const stop = useCallback(() => {
    trackRef.current?.stop();
    trackRef.current = null;
    setTrack(null);
  }, []);

  const start = useCallback(async () => {
    if (trackRef.current) return;
    setStarting(true);
    setError(null);
    try {
      const { captureScreen } = await import("./capture-screen");
      const captured = await captureScreen();
      // The person left the room while the browser's picker was open.
      if (!mounted.current) return captured.stop();
      captured.addEventListener("ended", () => trackRef.current === captured && stop(), { once: true });
      trackRef.current = captured;
      setTrack(captured);
    } catch (reason) {
      const { describeScreenShareError } = await import("./capture-screen");
      setError(describeScreenShareError(reason));
    } finally {
      setStarting(false);
    }
  }, [stop, mounted]);

  useEffect(() => () => trackRef.current?.stop(), []);

  return { track, starting, error, start, stop };
}
