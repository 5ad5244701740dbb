"use client";
import { useEffect, useRef } from "react";

interface VideoTileProps {
  stream: MediaStream | null;
  label: string;
  /** Local previews are muted (no echo) and mirrored (as in a mirror). */
  local?: boolean;
  /** Mirrored like a mirror: a camera preview is; a shared screen, whose text must read, is not. Defaults to `local`. */
  mirror?: boolean;
  /** The speaker to play through (HTMLMediaElement.setSinkId); "" or absent is the default. */
  sinkId?: string;
  videoOff?: boolean;
  audioOff?: boolean;
  className?: string;
  testId: string;
}

export function VideoTile({
  stream,
  label,
  local = false,
  mirror = local,
  sinkId,
  videoOff = false,
  audioOff = false,
  className = "",
  testId,
}: VideoTileProps) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    const element = video.current;
    if (sinkId === undefined || !element || !("setSinkId" in element) || element.sinkId === sinkId) return;
    // A device unplugged between render and now rejects: the default keeps playing.
    element.setSinkId(sinkId).catch(() => {});
  }, [sinkId]);

  return (
    <figure className={`relative overflow-hidden rounded-xl bg-slate-900 ${className}`}>
      <video
        ref={video}
        data-testid={testId}
        autoPlay
        playsInline
        muted={local}
        aria-label={`${label} video`}
        className={`h-full w-full object-cover ${mirror ? "-scale-x-100" : ""} ${videoOff || !stream ? "invisible" : ""}`}
      />
      {(videoOff || !stream) && (
        <div className="absolute inset-0 flex items-center justify-center">
          <span className="flex h-16 w-16 items-center justify-center rounded-full bg-slate-700 text-2xl font-semibold text-white" aria-hidden>
            {label.slice(0, 1).toUpperCase()}
          </span>
        </div>
      )}
      <figcaption className="absolute bottom-2 left-2 flex items-center gap-1.5 rounded-md bg-black/60 px-2 py-0.5 text-xs text-white">
        {label}
        {audioOff && (
          <span data-testid={`${testId}-muted`} className="rounded bg-red-600 px-1 text-[10px] font-semibold uppercase">
            Muted
          </span>
        )}
        {videoOff && (
          <span data-testid={`${testId}-camera-off`} className="rounded bg-slate-600 px-1 text-[10px] font-semibold uppercase">
            Camera off
          </span>
        )}
      </figcaption>
    </figure>
  );
}
