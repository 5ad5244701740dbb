"use client";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import type { TCallStatsSummary } from "@/lib/client/call/call-stats";

// Loaded on the first click: the numbers are for the curious, not for every call.
const QualityPanel = dynamic(() => import("./QualityPanel").then((module) => module.QualityPanel), {
  ssr: false,
  loading: () => <p className="text-xs text-slate-500">Loading…</p>,
});

const DOT = { good: "bg-emerald-500", fair: "bg-amber-500", poor: "bg-red-600" } as const;
const WORD = { good: "Good", fair: "Fair", poor: "Poor" } as const;

/** A small good / fair / poor mark of the live call; pressed, it shows the numbers behind it. */
export function QualityIndicator({ summary }: { summary: TCallStatsSummary | null }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!summary) return null;
  return (
    <div className="flex flex-col items-center gap-2">
      <button
        type="button"
        data-testid="call-quality"
        data-quality={summary.quality}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${DOT[summary.quality]}`} />
        Connection: {WORD[summary.quality]}
        <span className="sr-only">{open ? " (hide details)" : " (show details)"}</span>
      </button>
      {open && (
        <div id={panelId}>
          <QualityPanel summary={summary} />
        </div>
      )}
    </div>
  );
}
