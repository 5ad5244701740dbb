"use client";
import { useEffect, useState } from "react";
import { statsEntries, summarizeCallStats, type TCallStatsSummary, type TStatsEntry } from "./call-stats";
import type { TCallPhase } from "./call-session";

/** Often enough to notice a change within a sentence; getStats() itself costs well under 1 ms. */
const SAMPLE_EVERY_MS = 2_000;

/** The call's live quality while media flows, from a getStats() sample every two seconds; null otherwise. */
export function useCallQuality(phase: TCallPhase, getStats: () => Promise<RTCStatsReport | null>): TCallStatsSummary | null {
  const [summary, setSummary] = useState<TCallStatsSummary | null>(null);
  const live = phase === "connected" || phase === "reconnecting";

  useEffect(() => {
    if (!live) return;
    let previous: TStatsEntry[] = [];
    let stopped = false;
    const sample = async () => {
      const report = await getStats().catch(() => null);
      if (stopped || !report) return;
      const current = statsEntries(report);
      setSummary(summarizeCallStats(current, previous));
      previous = current;
    };
    void sample();
    const timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [live, getStats]);

  // A summary left from an earlier call is not this one's.
  return live ? summary : null;
}
