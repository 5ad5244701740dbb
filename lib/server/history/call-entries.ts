import { compareTimelinePositions, type TTimelineEntry, type TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { CALL_SELECT, toCallRecord } from "../calls/call-select";
import type { TDirection } from "./message-entries";

/** Calls that share the boundary millisecond are fetched, then dropped here: a few spare rows cover them. */
const SAME_MILLISECOND_SPARE = 8;

/** A call event's place in the timeline, before its call's details are read. */
export interface TCallEventPosition extends TTimelinePosition {
  kind: "call-started" | "call-ended";
  callId: string;
}

/**
 * Where up to `take` of a room's call events (a call's start and, once over, its end) are,
 * strictly before (newest first) or after (oldest first) a position. Each kind is one range
 * scan of its index that reads nothing but the index: most pages of a chatty room hold no call,
 * and a page's details are read only for the calls it shows (callEntries).
 */
export async function listCallEventPositions(
  db: TDbClient,
  {
    roomId,
    from,
    direction,
    take,
    until,
  }: {
    roomId: string;
    from: TTimelinePosition | null;
    direction: TDirection;
    take: number;
    /** No farther than this: where the messages already fill the page. */
    until?: Date;
  },
): Promise<TCallEventPosition[]> {
  const [near, far] = direction === "before" ? (["lte", "gte"] as const) : (["gte", "lte"] as const);
  const order = direction === "before" ? "desc" : "asc";
  const limit = take + SAME_MILLISECOND_SPARE;
  const range = { ...(from && { [near]: from.at }), ...(until && { [far]: until }) };
  const [started, ended] = await Promise.all([
    db.call.findMany({
      where: { roomId, startedAt: range },
      orderBy: [{ startedAt: order }, { id: order }],
      select: { id: true, startedAt: true },
      take: limit,
    }),
    db.call.findMany({
      where: { roomId, endedAt: { not: null, ...range } },
      orderBy: [{ endedAt: order }, { id: order }],
      select: { id: true, endedAt: true },
      take: limit,
    }),
  ]);
  const positions: TCallEventPosition[] = [
    ...started.map(({ id, startedAt }) => ({ kind: "call-started" as const, callId: id, key: `${id}a`, at: startedAt })),
    ...ended.map(({ id, endedAt }) => ({ kind: "call-ended" as const, callId: id, key: `${id}b`, at: endedAt! })),
  ];
  const sign = direction === "before" ? -1 : 1;
  return positions
    .filter((position) => !from || sign * compareTimelinePositions(position, from) > 0)
    .sort((a, b) => sign * compareTimelinePositions(a, b))
    .slice(0, take);
}

/** The entries for call events a page shows, with their calls' details (one read for all of them). */
export async function callEntries(db: TDbClient, positions: TCallEventPosition[]): Promise<Map<string, TTimelineEntry>> {
  const entries = new Map<string, TTimelineEntry>();
  if (positions.length === 0) return entries;
  const calls = await db.call.findMany({ where: { id: { in: [...new Set(positions.map((position) => position.callId))] } }, select: CALL_SELECT });
  const byId = new Map(calls.map((call) => [call.id, toCallRecord(call)]));
  for (const { kind, callId, key, at } of positions) {
    const call = byId.get(callId);
    if (call) entries.set(key, { kind, key, at: at.toISOString(), call });
  }
  return entries;
}

export function positionOf(entry: TTimelineEntry): TTimelinePosition {
  return { at: new Date(entry.at), key: entry.key };
}
