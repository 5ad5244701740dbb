import type { TTimelineEntry, TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { positionOf } from "./call-entries";
import { readSide } from "./timeline-side";

/** Entries per database read while walking a whole room: each read is one bounded range scan per kind. */
export const TIMELINE_BATCH = 500;

/**
 * A room's whole timeline, oldest first, one batch at a time: the next batch is read only when
 * the consumer asks for it, so a million-message room streams in the memory of one batch.
 */
export async function* iterateTimeline(db: TDbClient, roomId: string, batch = TIMELINE_BATCH): AsyncGenerator<TTimelineEntry[]> {
  let from: TTimelinePosition | null = null;
  for (;;) {
    const { entries, more } = await readSide(db, roomId, from, "after", batch, { walking: true });
    if (entries.length > 0) yield entries;
    const last = entries.at(-1);
    if (!more || !last) return;
    from = positionOf(last);
  }
}
