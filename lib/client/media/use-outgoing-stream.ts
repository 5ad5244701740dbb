"use client";
import { useMemo } from "react";

/**
 * What the call sends: the camera stream, or while sharing, the microphone with the screen in
 * the camera's place. A new MediaStream on each change, which the call session swaps into its
 * senders with replaceTrack (the camera keeps running, so it is back at once after sharing).
 */
export function useOutgoingStream(camera: MediaStream | null, screen: MediaStreamTrack | null): MediaStream | null {
  return useMemo(() => {
    if (!screen) return camera;
    return new MediaStream([...(camera?.getAudioTracks() ?? []), screen]);
  }, [camera, screen]);
}
