/**
 * Loaded on demand (dynamic import) when someone first shares their screen: most calls never
 * do, so none of this is in the room page's first load.
 */

/** Asks the browser for a screen, window or tab; resolves with its video track. */
export async function captureScreen(): Promise<MediaStreamTrack> {
  if (!navigator.mediaDevices?.getDisplayMedia) throw new Error("This browser can't share its screen.");
  const stream = await navigator.mediaDevices.getDisplayMedia({
    // Text on a shared screen matters more than motion: a modest frame rate, full detail.
    video: { frameRate: { ideal: 15, max: 30 } },
    audio: false,
  });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error("The browser shared no picture.");
  // Tells the encoder to keep text sharp (lower frame rate rather than lower resolution).
  track.contentHint = "detail";
  return track;
}

export function describeScreenShareError(error: unknown): string | null {
  const name = error instanceof DOMException ? error.name : "";
  // The person closed the browser's picker: that is a choice, not an error.
  if (name === "NotAllowedError" || name === "AbortError") return null;
  return error instanceof Error ? `Could not share your screen: ${error.message}` : "Could not share your screen.";
}
