"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useConnectivityCheck } from "@/lib/client/connectivity/use-connectivity-check";
import type { TVerdict } from "@/lib/client/connectivity/types";
import { roomPath } from "@/lib/shared/paths";
import { buttonClass, cardClass, secondaryButtonClass } from "../_components/ui";
import { CheckStep, StatusIcon } from "./CheckStep";

const VERDICT_STYLE: Record<TVerdict["tone"], string> = {
  pass: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950",
  warn: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950",
  fail: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950",
};

export function CheckView({ roomId, stunUrls }: { roomId: string | null; stunUrls: string[] }) {
  const { running, steps, cameraStream, verdict, run } = useConnectivityCheck({ roomId, stunUrls });

  return (
    <section aria-labelledby="check-heading" className="mx-auto max-w-2xl">
      <h1 id="check-heading" className="mb-1 text-xl font-semibold">
        Connection check
      </h1>
      <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">
        Will calls work from this network? Duet tests your camera, its own server and the routes a call can take.
      </p>

      <div className={`mb-4 flex gap-3 rounded-xl border p-4 ${verdict ? VERDICT_STYLE[verdict.tone] : "border-slate-200 dark:border-slate-800"}`}>
        <StatusIcon status={verdict?.tone ?? "pending"} />
        {/* The verdict's words only (the icon is beside it), so it reads as one sentence. */}
        <div data-testid="check-verdict" role={verdict?.tone === "fail" ? "alert" : "status"} aria-live="polite" className="min-w-0">
          <p className="font-medium">{verdict ? verdict.headline : "Checking your connection…"}</p>
          {verdict?.detail && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{verdict.detail}</p>}
        </div>
      </div>

      <div className={cardClass}>
        <ol className="divide-y divide-slate-200 dark:divide-slate-800">
          <CheckStep id="camera" title="Camera and microphone" {...steps.camera}>
            {cameraStream && cameraStream.getVideoTracks().length > 0 && <Preview stream={cameraStream} />}
          </CheckStep>
          <CheckStep id="signaling" title="Duet's realtime server" {...steps.signaling} />
          <CheckStep id="stun" title="Direct connection (UDP to STUN)" {...steps.stun} />
          <CheckStep id="turn" title="Relay (TURN)" {...steps.turn} />
        </ol>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">The camera result doesn&apos;t change the network verdict above.</p>
      </div>

      <div className="mt-4 flex flex-wrap gap-3">
        {/* aria-disabled, not disabled: a keyboard user's focus stays on the button while it runs. */}
        <button
          type="button"
          onClick={() => !running && run()}
          aria-disabled={running}
          className={`${buttonClass} aria-disabled:cursor-wait aria-disabled:opacity-60`}
        >
          {running && <span aria-hidden className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
          {running ? "Checking…" : "Run again"}
        </button>
        {roomId && (
          <Link href={roomPath(roomId)} className={secondaryButtonClass}>
            Back to the room
          </Link>
        )}
      </div>
    </section>
  );
}

function Preview({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={video}
      data-testid="check-camera-preview"
      autoPlay
      muted
      playsInline
      aria-label="Your camera"
      className="mt-2 aspect-video w-full max-w-xs -scale-x-100 rounded-lg bg-slate-900 object-cover"
    />
  );
}
