import type { TTimelineEntry, TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { callEntries, listCallEventPositions, type TCallEventPosition } from "./call-entries";
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
 * position (null: from the newest, or from the very first, end): one bounded range scan for
 * the messages, one per kind of call event, merged; details are read only for the calls shown.
 * A page reads messages and call events side by side. `walking` (an export, batch after batch
 * through the whole room) reads the messages first and looks for call events only up to the
 * last of them, so no batch reads the calls of the rest of the room.
 */
export async function readSide(
  db: TDbClient,
  roomId: string,
  from: TTimelinePosition | null,
  direction: TDirection,
  take: number,
  { walking = false }: { walking?: boolean } = {},
): Promise<TSide> {
  // take 0: only whether anything is there, which one entry of each kind tells.
  const fetch = Math.max(1, take + 1);
  const readMessages = () => listMessageEntries(db, { roomId, from, direction, take: fetch });
  const readCalls = (until?: Date) => listCallEventPositions(db, { roomId, from, direction, take: fetch, until });
  let messages: TTimelineEntry[];
  let calls: TCallEventPosition[];
  if (walking) {
    messages = await readMessages();
    // When the messages fill the batch, nothing beyond the last of them can be in it.
    calls = await readCalls(messages.length === fetch ? new Date(messages.at(-1)!.at) : undefined);
  } else {
    [messages, calls] = await Promise.all([readMessages(), readCalls()]);
  }
  const sign = direction === "before" ? -1 : 1;
  // Each item's time read once, not on every comparison.
  const merged = [
    ...messages.map((item) => ({ item, at: Date.parse(item.at), key: item.key })),
    ...calls.map((item) => ({ item, at: item.at.getTime(), key: item.key })),
  ].sort((a, b) => sign * (a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  const shown = merged.slice(0, take).map(({ item }) => item);
  const details = await callEntries(
    db,
    shown.filter((item): item is TCallEventPosition => "callId" in item),
  );
  const entries = shown.flatMap((item) => ("callId" in item ? (details.get(item.key) ?? []) : [item]));
  return { entries, more: merged.length > take };
}
