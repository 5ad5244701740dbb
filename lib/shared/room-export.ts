/**
 * A room's whole record, downloaded from its history page: Markdown to read, JSON for
 * programs. The JSON's shape is ZRoomExport below (documented in docs/history.md); `version`
 * changes only when a field changes meaning or goes away.
 */
import { CALL_END_REASONS, ZCallQuality } from "./call";
import { z } from "./zod";

import { EXPORT_FORMATS } from "./room-export-path";

export { EXPORT_FORMATS, roomExportPath, type TExportFormat } from "./room-export-path";

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const ZExportQuery = z.object({
  format: z._default(z.enum(EXPORT_FORMATS, { error: "format is markdown or json" }), "markdown"),
  /** An IANA time zone for the Markdown's times and days (the JSON's are UTC instants); default UTC. */
  tz: z.optional(z.string().check(z.maxLength(64), z.refine(isTimeZone, "Not a time zone"))),
});

export const ROOM_EXPORT_FORMAT = "duet.room-export";
export const ROOM_EXPORT_VERSION = 1;

const ZPerson = z.object({ id: z.string(), name: z.string() });
const ZInstant = z.iso.datetime();

/** A chat message, at the time the server stored it. */
export const ZExportMessage = z.object({
  type: z.literal("message"),
  id: z.string(),
  at: ZInstant,
  author: ZPerson,
  body: z.string(),
});

/** A call, placed at its start; `endedAt` and the rest are null while it went on at export time. */
export const ZExportCall = z.object({
  type: z.literal("call"),
  id: z.string(),
  at: ZInstant,
  startedAt: ZInstant,
  endedAt: z.nullable(ZInstant),
  endReason: z.nullable(z.enum(CALL_END_REASONS)),
  durationMs: z.nullable(z.number().check(z.int(), z.gte(0))),
  participants: z.array(z.object({ user: ZPerson, quality: z.nullable(ZCallQuality) })),
});

export const ZRoomExport = z.object({
  format: z.literal(ROOM_EXPORT_FORMAT),
  version: z.literal(ROOM_EXPORT_VERSION),
  exportedAt: ZInstant,
  room: z.object({ id: z.string(), name: z.string(), createdAt: ZInstant }),
  members: z.array(z.extend(ZPerson, { role: z.enum(["owner", "guest"]) })),
  /** Oldest first: messages and calls merged by time. */
  entries: z.array(z.discriminatedUnion("type", [ZExportMessage, ZExportCall])),
});
export type TRoomExport = z.infer<typeof ZRoomExport>;
export type TExportEntry = TRoomExport["entries"][number];
