/**
 * A room's whole record, downloaded from its history page: Markdown to read, JSON for
 * programs. The JSON's shape is ZRoomExport below (documented in docs/history.md); `version`
 * changes only when a field changes meaning or goes away.
 */
import { CALL_END_REASONS, ZCallQuality } from "./call";
import { z } from "./zod";

export const EXPORT_FORMATS = ["markdown", "json"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const ZExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "format is markdown or json" }).default("markdown"),
  /** An IANA time zone for the Markdown's times and days (the JSON's are UTC instants); default UTC. */
  tz: z.string().max(64).refine(isTimeZone, "Not a time zone").optional(),
});

export function roomExportPath(roomId: string, format: TExportFormat, timeZone?: string): string {
  const query = new URLSearchParams({ format, ...(timeZone && { tz: timeZone }) });
  return `/api/rooms/${encodeURIComponent(roomId)}/export?${query.toString()}`;
}

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
  endedAt: ZInstant.nullable(),
  endReason: z.enum(CALL_END_REASONS).nullable(),
  durationMs: z.number().int().min(0).nullable(),
  participants: z.array(z.object({ user: ZPerson, quality: ZCallQuality.nullable() })),
});

export const ZRoomExport = z.object({
  format: z.literal(ROOM_EXPORT_FORMAT),
  version: z.literal(ROOM_EXPORT_VERSION),
  exportedAt: ZInstant,
  room: z.object({ id: z.string(), name: z.string(), createdAt: ZInstant }),
  members: z.array(ZPerson.extend({ role: z.enum(["owner", "guest"]) })),
  /** Oldest first: messages and calls merged by time. */
  entries: z.array(z.discriminatedUnion("type", [ZExportMessage, ZExportCall])),
});
export type TRoomExport = z.infer<typeof ZRoomExport>;
export type TExportEntry = TRoomExport["entries"][number];
