import type { TTimelineEntry } from "@/lib/shared/timeline";
import { localDay } from "./format-time";

export interface TTimelineDay {
  /** The reader's local day, `2026-11-24`. */
  day: string;
  entries: TTimelineEntry[];
}

/** Consecutive entries of the same local day, under one day separator. */
export function groupByDay(entries: TTimelineEntry[]): TTimelineDay[] {
  const days: TTimelineDay[] = [];
  for (const entry of entries) {
    const day = localDay(entry.at);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}
