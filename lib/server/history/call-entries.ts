import { compareTimelinePositions, type TTimelineEntry, type TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { CALL_SELECT, toCallRecord } from "../calls/call-select";
import type { TDirection } from "./message-entries";

/** Calls that share the boundary millisecond are fetched, then dropped here: a few spare rows cover them. */
const SAME_MILLISECOND_SPARE = 8;

/**
 * Up to `take` of a room's call events (a call's start and, once over, its end) strictly before
 * (newest first) or after (oldest first) a position. Each kind is one range scan of its index.
 */
export async function listCallEntries(
  db: TDbClient,
  { roomId, from, direction, take }: { roomId: string; from: TTimelinePosition | null; direction: TDirection; take: number },
): Promise<TTimelineEntry[]> {
  const bound = direction === "before" ? "lte" : "gte";
  const order = direction === "before" ? "desc" : "asc";
  const limit = take + SAME_MILLISECOND_SPARE;
  const [started, ended] = await Promise.all([
    db.call.findMany({
      where: { roomId, ...(from && { startedAt: { [bound]: from.at } }) },
      orderBy: [{ startedAt: order }, { id: order }],
      select: CALL_SELECT,
      take: limit,
    }),
    db.call.findMany({
      where: { roomId, endedAt: from ? { not: null, [bound]: from.at } : { not: null } },
      orderBy: [{ endedAt: order }, { id: order }],
      select: CALL_SELECT,
      take: limit,
    }),
  ]);
  const entries: TTimelineEntry[] = [
    ...started.map((row): TTimelineEntry => ({ kind: "call-started", key: `${row.id}a`, at: row.startedAt.toISOString(), call: toCallRecord(row) })),
    ...ended.map((row): TTimelineEntry => ({ kind: "call-ended", key: `${row.id}b`, at: row.endedAt!.toISOString(), call: toCallRecord(row) })),
  ];
  const sign = direction === "before" ? -1 : 1;
  return entries
    .filter((entry) => !from || sign * compareTimelinePositions(positionOf(entry), from) > 0)
    .sort((a, b) => sign * compareTimelinePositions(positionOf(a), positionOf(b)))
    .slice(0, take);
}

export function positionOf(entry: TTimelineEntry): TTimelinePosition {
  return { at: new Date(entry.at), key: entry.key };
}
