import { compareTimelinePositions, type TTimelineEntry, type TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { callEntries, listCallEventPositions, positionOf, type TCallEventPosition } from "./call-entries";
import { listMessageEntries, type TDirection } from "./message-entries";

/** What a page holds on one side of where it was read from. */
export interface TSide {
  /** Nearest first. */
  entries: TTimelineEntry[];
  /** Entries exist beyond these. */
  more: boolean;
}

export const SOMETHING_BEYOND: TSide = { entries: [], more: true };
export const NOTHING_BEYOND: TSide = { entries: [], more: false };

/**
 * Up to `take` timeline entries strictly before (newest first) or after (oldest first) a
 * position (null: from the newest, or from the very first, end): each kind read with one
 * bounded range scan, then merged.
 */
export async function readSide(db: TDbClient, roomId: string, from: TTimelinePosition | null, direction: TDirection, take: number): Promise<TSide> {
  // take 0: only whether anything is there, which one entry of each kind tells.
  const fetch = Math.max(1, take + 1);
  const [messages, calls] = await Promise.all([
    listMessageEntries(db, { roomId, from, direction, take: fetch }),
    listCallEventPositions(db, { roomId, from, direction, take: fetch }),
  ]);
  const sign = direction === "before" ? -1 : 1;
  const merged: Array<TTimelineEntry | TCallEventPosition> = [...messages, ...calls].sort(
    (a, b) => sign * compareTimelinePositions(positionOfAny(a), positionOfAny(b)),
  );
  const shown = merged.slice(0, take);
  const details = await callEntries(db, shown.filter((item): item is TCallEventPosition => "callId" in item));
  const entries = shown.flatMap((item) => ("callId" in item ? (details.get(item.key) ?? []) : [item]));
  return { entries, more: merged.length > take };
}

function positionOfAny(item: TTimelineEntry | TCallEventPosition): TTimelinePosition {
  return "callId" in item ? item : positionOf(item);
}
