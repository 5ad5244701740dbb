import type { TStepState } from "./types";

export interface TCameraProbe extends TStepState {
  /** The live camera (and microphone) for the preview; the caller stops its tracks. */
  stream: MediaStream | null;
}

/** Asks for the camera and microphone as a call would, and says plainly what went wrong. */
export async function probeCamera(): Promise<TCameraProbe> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { status: "fail", stream: null, message: "This browser can't use a camera on this page: Duet needs https (or localhost)." };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    return { status: "pass", stream, message: "Your camera and microphone work: you should see yourself below." };
  } catch (error) {
    if (errorName(error) !== "NotFoundError") return { status: "fail", stream: null, message: describeMediaError(error) };
  }
  // One of the two is missing: find out which, and keep the one that works.
  for (const [constraints, message] of [
    [{ video: true }, "Your camera works, but no microphone was found: the other person won't hear you."],
    [{ audio: true }, "Your microphone works, but no camera was found: the other person won't see you."],
  ] as const) {
    const stream = await navigator.mediaDevices.getUserMedia(constraints).catch(() => null);
    if (stream) return { status: "warn", stream, message };
  }
  return { status: "fail", stream: null, message: "No camera or microphone was found. Plug one in, then run the check again." };
}

export function describeMediaError(error: unknown): string {
  const name = errorName(error);
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Camera and microphone access is blocked. Allow it in your browser's site settings, then run the check again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera or microphone was found. Plug one in, then run the check again.";
  if (name === "NotReadableError" || name === "AbortError") {
    return "Your camera or microphone is in use by another app. Close that app, then run the check again.";
  }
  return "Your camera and microphone could not be started.";
}

function errorName(error: unknown): string {
  return error instanceof DOMException || error instanceof Error ? error.name : "";
}
