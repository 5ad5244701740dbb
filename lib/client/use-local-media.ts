"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TMediaState } from "@/lib/shared/realtime-events";
import { describeFallback, type TDevice } from "./media/device-choice";
import { saveDevice, savedDevice } from "./media/device-preferences";
import { useMediaDevices } from "./media/use-media-devices";
import { useMounted } from "./use-mounted";

export type TLocalMediaStatus = "requesting" | "ready" | "error";
type TInputKind = "videoinput" | "audioinput";

export interface LocalMedia {
  stream: MediaStream | null;
  status: TLocalMediaStatus;
  error: string | null;
  media: TMediaState;
  /** Every camera, microphone and speaker the browser lists, kept current as they come and go. */
  devices: TDevice[];
  /** The camera and microphone in use ("" before they start). */
  inUse: Record<TInputKind, string>;
  /** A device this browser had chosen is gone and the default stands in, in words. */
  deviceNotice: string | null;
  toggleAudio(): void;
  toggleVideo(): void;
  /** Switches camera or microphone: one new track, swapped into the call without renegotiating. */
  chooseInput(kind: TInputKind, deviceId: string): Promise<void>;
  retry(): void;
}

const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true };
const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

/**
 * The camera or microphone to ask for: the one just picked, else the one this browser saved,
 * `exact`ly (with `ideal` the browser may weigh it against the size wanted and keep the first
 * camera); when a saved one is gone, acquire() asks again for the default.
 */
function constraintsFor(kind: TInputKind, picked?: string): MediaTrackConstraints {
  const base = kind === "videoinput" ? VIDEO : AUDIO;
  const wanted = picked ?? savedDevice(kind)?.deviceId;
  return wanted ? { ...base, deviceId: { exact: wanted } } : base;
}

function describe(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError") return "Camera and microphone access is blocked. Allow it in your browser's site settings, then try again.";
  if (name === "NotFoundError") return "No camera or microphone was found.";
  if (name === "NotReadableError") return "Your camera or microphone is in use by another app.";
  if (typeof navigator !== "undefined" && !navigator.mediaDevices) return "This page needs https (or localhost) to use your camera.";
  return "Could not start your camera and microphone.";
}

const trackOf = (stream: MediaStream | null, kind: TInputKind) =>
  (kind === "videoinput" ? stream?.getVideoTracks()[0] : stream?.getAudioTracks()[0]) ?? null;
const inUseOf = (stream: MediaStream | null, kind: TInputKind) => trackOf(stream, kind)?.getSettings().deviceId ?? "";

/** Says so when the browser fell back from a saved device to its default. */
function fallbackNotice(stream: MediaStream): string | null {
  const notices = (["videoinput", "audioinput"] as const).map((kind) => {
    const track = trackOf(stream, kind);
    return track ? describeFallback(kind, savedDevice(kind), { deviceId: track.getSettings().deviceId ?? "", label: track.label }) : null;
  });
  return notices.filter(Boolean).join(" ") || null;
}

/**
 * The local camera and microphone. Mute and camera-off flip `track.enabled` (no renegotiation);
 * choosing another device replaces one track, and the call session swaps it in with
 * RTCRtpSender.replaceTrack, so the other side sees no gap and no new negotiation.
 */
export function useLocalMedia(): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [status, setStatus] = useState<TLocalMediaStatus>("requesting");
  const [error, setError] = useState<string | null>(null);
  const [deviceNotice, setDeviceNotice] = useState<string | null>(null);
  const [media, setMedia] = useState<TMediaState>({ audio: true, video: true });
  const [attempt, setAttempt] = useState(0);
  const mediaRef = useRef(media);
  useEffect(() => {
    mediaRef.current = media;
  }, [media]);
  const streamRef = useRef<MediaStream | null>(null);
  const devices = useMediaDevices(stream);
  const mounted = useMounted();

  const adopt = useCallback((next: MediaStream | null) => {
    streamRef.current = next;
    setStream(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a retry shows its starting state again
    setStatus("requesting");
    setError(null);
    acquire().then(
      (result) => {
        if (cancelled) return result.getTracks().forEach((track) => track.stop());
        // Keep the choices made before (or while) the devices started.
        result.getAudioTracks().forEach((track) => (track.enabled = mediaRef.current.audio));
        result.getVideoTracks().forEach((track) => (track.enabled = mediaRef.current.video));
        setDeviceNotice(fallbackNotice(result));
        adopt(result);
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
      streamRef.current?.getTracks().forEach((track) => track.stop());
      streamRef.current = null;
    };
  }, [attempt, adopt]);

  const chooseInput = useCallback(
    async (kind: TInputKind, deviceId: string) => {
      const current = streamRef.current;
      const old = trackOf(current, kind);
      if (old?.getSettings().deviceId === deviceId) return;
      const audio = kind === "audioinput";
      const oldDeviceId = old?.getSettings().deviceId;
      const open = async (id: string | undefined) => {
        const got = await navigator.mediaDevices.getUserMedia(audio ? { audio: constraintsFor(kind, id) } : { video: constraintsFor(kind, id) });
        return audio ? got.getAudioTracks()[0]! : got.getVideoTracks()[0]!;
      };
      // The old track goes first: some cameras cannot be open twice at once.
      old?.stop();
      let fresh: MediaStreamTrack | null = null;
      try {
        fresh = await open(deviceId);
        saveDevice(kind, { deviceId, label: fresh.label });
        setDeviceNotice(null);
      } catch (reason) {
        // The one given up for it is taken back, so a busy headset does not leave the call silent.
        fresh = await open(oldDeviceId).catch(() => null);
        const name = audio ? "microphone" : "camera";
        setDeviceNotice(`Could not switch: ${describe(reason)} ${fresh ? `Still using the same ${name}.` : `No ${name} is in use now.`}`);
      }
      if (!mounted.current) return fresh?.stop();
      if (fresh) fresh.enabled = audio ? mediaRef.current.audio : mediaRef.current.video;
      const others = current?.getTracks().filter((track) => track !== old) ?? [];
      adopt(new MediaStream(fresh ? [...others, fresh] : others));
    },
    [adopt, mounted],
  );

  // A device in use unplugged: its track ends. Take the default in its place, and say so.
  useEffect(() => {
    if (!stream) return;
    const tracks = stream.getTracks();
    const onEnded = (event: Event) => {
      const track = event.target as MediaStreamTrack;
      const kind: TInputKind = track.kind === "video" ? "videoinput" : "audioinput";
      const name = kind === "videoinput" ? "camera" : "microphone";
      void navigator.mediaDevices.getUserMedia(kind === "videoinput" ? { video: VIDEO } : { audio: AUDIO }).then(
        (got) => {
          const fresh = got.getTracks()[0]!;
          if (!mounted.current) return fresh.stop();
          fresh.enabled = kind === "videoinput" ? mediaRef.current.video : mediaRef.current.audio;
          setDeviceNotice(
            `Your ${name}${track.label ? ` “${track.label}”` : ""} was disconnected, so Duet is using ${fresh.label ? `“${fresh.label}”` : `the default ${name}`}.`,
          );
          adopt(new MediaStream([...(streamRef.current?.getTracks().filter((other) => other !== track) ?? []), fresh]));
        },
        () => setDeviceNotice(`Your ${name} was disconnected.`),
      );
    };
    tracks.forEach((track) => track.addEventListener("ended", onEnded));
    return () => tracks.forEach((track) => track.removeEventListener("ended", onEnded));
  }, [stream, adopt, mounted]);

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
    devices,
    inUse: { videoinput: inUseOf(stream, "videoinput"), audioinput: inUseOf(stream, "audioinput") },
    deviceNotice,
    toggleAudio: useCallback(() => toggle("audio"), [toggle]),
    toggleVideo: useCallback(() => toggle("video"), [toggle]),
    chooseInput,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

/** Camera and microphone (the ones this browser chose before, where still plugged in), or whichever of them exists. */
async function acquire(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("mediaDevices unavailable");
  if (savedDevice("audioinput") || savedDevice("videoinput")) {
    // One kind at a time, so a saved camera that is gone does not cost the saved microphone.
    const [audio, video] = await Promise.all([savedOrDefault("audioinput"), savedOrDefault("videoinput")]);
    const tracks = [audio, video].filter((track): track is MediaStreamTrack => track !== null);
    if (tracks.length > 0) return new MediaStream(tracks);
  }
  const audio = constraintsFor("audioinput");
  const video = constraintsFor("videoinput");
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video });
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== "NotFoundError") throw error;
    try {
      return await navigator.mediaDevices.getUserMedia({ audio });
    } catch {
      return navigator.mediaDevices.getUserMedia({ video });
    }
  }
}

/** The saved device of one kind, exactly; when it is gone, the default; null when there is none at all. */
async function savedOrDefault(kind: TInputKind): Promise<MediaStreamTrack | null> {
  const ask = (constraints: MediaTrackConstraints) =>
    navigator.mediaDevices
      .getUserMedia(kind === "videoinput" ? { video: constraints } : { audio: constraints })
      .then((stream) => stream.getTracks()[0] ?? null);
  try {
    return await ask(constraintsFor(kind));
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    // Chromium throws OverconstrainedError, not (yet everywhere) a DOMException: read the name.
    if (name === "OverconstrainedError") return ask(kind === "videoinput" ? VIDEO : AUDIO).catch(() => null);
    if (name === "NotFoundError") return null;
    throw error;
  }
}
