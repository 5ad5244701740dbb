import { compareTimelinePositions, type TTimelineEntry, type TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { listCallEntries, positionOf } from "./call-entries";
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
  if (take <= 0) {
    // Only whether anything is there: one entry of each kind tells.
    const [messages, calls] = await Promise.all([
      listMessageEntries(db, { roomId, from, direction, take: 1 }),
      listCallEntries(db, { roomId, from, direction, take: 1 }),
    ]);
    return { entries: [], more: messages.length + calls.length > 0 };
  }
  const [messages, calls] = await Promise.all([
    listMessageEntries(db, { roomId, from, direction, take: take + 1 }),
    listCallEntries(db, { roomId, from, direction, take: take + 1 }),
  ]);
  const sign = direction === "before" ? -1 : 1;
  const merged = [...messages, ...calls].sort((a, b) => sign * compareTimelinePositions(positionOf(a), positionOf(b)));
  return { entries: merged.slice(0, take), more: merged.length > take };
}

