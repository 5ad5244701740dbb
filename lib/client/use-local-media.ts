"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TMediaState } from "@/lib/shared/realtime-events";

export type TLocalMediaStatus = "requesting" | "ready" | "error";

export interface LocalMedia {
  stream: MediaStream | null;
  status: TLocalMediaStatus;
  error: string | null;
  media: TMediaState;
  toggleAudio(): void;
  toggleVideo(): void;
  retry(): void;
}

const CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true },
  video: { width: { ideal: 1280 }, height: { ideal: 720 } },
};

function describe(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError") return "Camera and microphone access is blocked. Allow it in your browser's site settings, then try again.";
  if (name === "NotFoundError") return "No camera or microphone was found.";
  if (name === "NotReadableError") return "Your camera or microphone is in use by another app.";
  if (typeof navigator !== "undefined" && !navigator.mediaDevices) return "This page needs https (or localhost) to use your camera.";
  return "Could not start your camera and microphone.";
}

/** The local camera and microphone; mute and camera-off flip `track.enabled`, so no renegotiation is needed. */
export function useLocalMedia(): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [status, setStatus] = useState<TLocalMediaStatus>("requesting");
  const [error, setError] = useState<string | null>(null);
  const [media, setMedia] = useState<TMediaState>({ audio: true, video: true });
  const [attempt, setAttempt] = useState(0);
  const mediaRef = useRef(media);
  mediaRef.current = media;

  useEffect(() => {
    let cancelled = false;
    let acquired: MediaStream | null = null;
    setStatus("requesting");
    setError(null);
    acquire().then(
      (result) => {
        acquired = result;
        if (cancelled) return result.getTracks().forEach((track) => track.stop());
        // Keep the choices made before (or while) the devices started.
        result.getAudioTracks().forEach((track) => (track.enabled = mediaRef.current.audio));
        result.getVideoTracks().forEach((track) => (track.enabled = mediaRef.current.video));
        setStream(result);
        setStatus("ready");
      },
      (reason: unknown) => {
        if (cancelled) return;
        setError(describe(reason));
        setStatus("error");
      },
    );
    return () => {
      cancelled = true;
      acquired?.getTracks().forEach((track) => track.stop());
    };
  }, [attempt]);

  const toggle = useCallback(
    (kind: keyof TMediaState) => {
      setMedia((current) => {
        const next = { ...current, [kind]: !current[kind] };
        const tracks = kind === "audio" ? stream?.getAudioTracks() : stream?.getVideoTracks();
        tracks?.forEach((track) => (track.enabled = next[kind]));
        return next;
      });
    },
    [stream],
  );

  return {
    stream,
    status,
    error,
    media,
    toggleAudio: useCallback(() => toggle("audio"), [toggle]),
    toggleVideo: useCallback(() => toggle("video"), [toggle]),
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

/** Camera and microphone, or whichever of them exists. */
async function acquire(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("mediaDevices unavailable");
  try {
    return await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== "NotFoundError") throw error;
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: CONSTRAINTS.audio });
    } catch {
      return navigator.mediaDevices.getUserMedia({ video: CONSTRAINTS.video });
    }
  }
}
