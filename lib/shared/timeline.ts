/**
 * A room's timeline: its chat messages and call events merged by time, read in pages from any
 * point (the newest, a permalinked message, a date) in either direction.
 */
import { z } from "./zod";
import type { TCallRecord } from "./call";
import type { TChatMessage } from "./message";

/**
 * `key` orders entries that share a millisecond and names each one: a message's id; a call's id
 * followed by "a" (started) or "b" (ended), so a call that ended within its first millisecond
 * still starts first. Keys are letters and digits only, so every database compares them alike.
 */
export type TTimelineEntry =
  | { kind: "message"; key: string; at: string; message: TChatMessage }
  | { kind: "call-started"; key: string; at: string; call: TCallRecord }
  | { kind: "call-ended"; key: string; at: string; call: TCallRecord };

export interface TTimelinePage {
  /** Oldest first. */
  entries: TTimelineEntry[];
  /** Pass as `before` for what precedes the first entry; null at the room's beginning. */
  earlier: string | null;
  /** Pass as `after` for what follows the last entry; null at the newest entry. */
  later: string | null;
  /** For `around` and `at`: the key of the entry asked for (the message, or the first entry at or after the date). */
  anchor: string | null;
}

export const TIMELINE_PAGE_DEFAULT = 50;
export const TIMELINE_PAGE_MAX = 200;

const KEY = "[A-Za-z0-9]{1,64}";
/** "<milliseconds since 1970>_<key>": the position of an entry; opaque to clients. */
export const ZTimelineCursor = z.string().check(z.regex(new RegExp(`^\\d{1,15}_${KEY}$`), "Not a timeline position"));
const ZMessageId = z.string().check(z.regex(new RegExp(`^${KEY}$`), "Not a message id"));

export const ZTimelineQuery = z
  .object({
    before: z.optional(ZTimelineCursor),
    after: z.optional(ZTimelineCursor),
    /** A message's id: the page around it (its permalink). */
    around: z.optional(ZMessageId),
    /** An instant (ISO 8601 with offset): the page around the first entry at or after it. */
    at: z.optional(z.iso.datetime({ offset: true, error: "Not a date and time" })),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(TIMELINE_PAGE_MAX)), TIMELINE_PAGE_DEFAULT),
  })
  .check(
    z.refine((query) => [query.before, query.after, query.around, query.at].filter(Boolean).length <= 1, {
      message: "Ask for one of before, after, around or at",
      path: ["before"],
    }),
  );
export type TTimelineQuery = z.output<typeof ZTimelineQuery>;

export interface TTimelinePosition {
  at: Date;
  key: string;
}

export function encodeTimelineCursor({ at, key }: TTimelinePosition): string {
  return `${at.getTime()}_${key}`;
}

export function decodeTimelineCursor(cursor: string): TTimelinePosition {
  const [ms, key] = cursor.split("_") as [string, string];
  return { at: new Date(Number(ms)), key };
}

/**
 * Negative when `a` comes first. Keys compare by code unit, as the databases do: SQLite always,
 * PostgreSQL for ids of lower-case letters and digits (Prisma's cuids) in any collation.
 */
export function compareTimelinePositions(a: TTimelinePosition, b: TTimelinePosition): number {
  return a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export { messageAnchor, messagePermalink } from "./timeline-links";
