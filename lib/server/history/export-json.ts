import { ROOM_EXPORT_FORMAT, ROOM_EXPORT_VERSION, type TExportEntry, type TRoomExport } from "@/lib/shared/room-export";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TTimelineEntry } from "@/lib/shared/timeline";

/**
 * The JSON export as pieces to stream: everything before the entries, each entry, and the
 * close. Joined with commas between entries, the pieces are one JSON document (ZRoomExport).
 */
export function jsonExportHead(room: TRoomSummary, exportedAt: Date): string {
  const { entries: _entries, ...head }: TRoomExport = {
    format: ROOM_EXPORT_FORMAT,
    version: ROOM_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    room: { id: room.id, name: room.name, createdAt: room.createdAt },
    members: room.members.map(({ id, name, role }) => ({ id, name, role })),
    entries: [],
  };
  // Re-open the object where `entries` goes: the entries stream in after it.
  return `${JSON.stringify(head).slice(0, -1)},"entries":[`;
}

export const JSON_EXPORT_TAIL = "]}\n";

/** A timeline entry as the JSON export holds it; a call appears once, where it started. */
export function toExportEntry(entry: TTimelineEntry): TExportEntry | null {
  if (entry.kind === "message") {
    const { id, createdAt, author, body } = entry.message;
    return { type: "message", id, at: createdAt, author, body };
  }
  if (entry.kind === "call-ended") return null;
  const { id, startedAt, endedAt, endReason, durationMs, participants } = entry.call;
  return { type: "call", id, at: startedAt, startedAt, endedAt, endReason, durationMs, participants };
}
