import { AppError } from "@/lib/shared/errors";
import {
  decodeTimelineCursor,
  encodeTimelineCursor,
  type TTimelineEntry,
  type TTimelinePage,
  type TTimelinePosition,
  type TTimelineQuery,
} from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { MESSAGE_SELECT, toChatMessage } from "../messages/message-select";
import { positionOf } from "./call-entries";
import { messageEntry } from "./message-entries";
import { NOTHING_BEYOND, readSide, SOMETHING_BEYOND, type TSide } from "./timeline-side";

export type ListTimelineOptions = { roomId: string } & TTimelineQuery;

/**
 * One page of a room's timeline, oldest first: the newest entries; those before or after a
 * position; the entries around a message (its permalink); or around a moment (jump to a date).
 * Each side is read with a bounded range scan per kind, so a page costs the same at the start
 * of a million-message room as at its end.
 */
export async function listTimeline(db: TDbClient, { roomId, before, after, around, at, limit }: ListTimelineOptions): Promise<TTimelinePage> {
  if (after) {
    // What precedes an `after` page is the reader's own cursor.
    const later = await readSide(db, roomId, decodeTimelineCursor(after), "after", limit);
    return page(SOMETHING_BEYOND, later, null);
  }
  if (around || at) {
    const { anchor, from } = around ? await messageAnchor(db, roomId, around) : { anchor: null, from: { at: new Date(at!), key: "" } };
    // Half a page each side; near either end of the room, the other side fills the page.
    const others = limit - (anchor ? 1 : 0);
    const [earlierRead, laterRead] = await Promise.all([readSide(db, roomId, from, "before", others), readSide(db, roomId, from, "after", others)]);
    const earlierCount = Math.min(earlierRead.entries.length, Math.max(Math.floor(others / 2), others - laterRead.entries.length));
    const earlier = nearest(earlierRead, earlierCount);
    const later = nearest(laterRead, others - earlierCount);
    if (anchor) later.entries.unshift(anchor);
    return page(earlier, later, anchor?.key ?? later.entries[0]?.key ?? null);
  }
  const earlier = await readSide(db, roomId, before ? decodeTimelineCursor(before) : null, "before", limit);
  // What follows a `before` page is the reader's own cursor; nothing follows the newest page.
  return page(earlier, before ? SOMETHING_BEYOND : NOTHING_BEYOND, null);
}

/** The `count` entries of a side nearest to where it was read from. */
function nearest(side: TSide, count: number): TSide {
  return { entries: side.entries.slice(0, count), more: side.more || side.entries.length > count };
}

function page(earlier: TSide, later: TSide, anchor: string | null): TTimelinePage {
  const entries = [...[...earlier.entries].reverse(), ...later.entries];
  const first = entries[0];
  const last = entries.at(-1);
  return {
    entries,
    earlier: first && earlier.more ? encodeTimelineCursor(positionOf(first)) : null,
    later: last && later.more ? encodeTimelineCursor(positionOf(last)) : null,
    anchor,
  };
}

async function messageAnchor(db: TDbClient, roomId: string, messageId: string): Promise<{ anchor: TTimelineEntry; from: TTimelinePosition }> {
  const row = await db.message.findFirst({ where: { id: messageId, roomId }, select: MESSAGE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "That message is not in this room's history");
  const anchor = messageEntry(toChatMessage(row));
  return { anchor, from: positionOf(anchor) };
}
