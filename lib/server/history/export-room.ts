import type { TExportFormat } from "@/lib/shared/room-export";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { JSON_EXPORT_TAIL, jsonExportHead, toExportEntry } from "./export-json";
import { MarkdownClock, markdownEntry, markdownHead } from "./export-markdown";
import { iterateTimeline } from "./iterate-timeline";

export interface ExportRoomOptions {
  room: TRoomSummary;
  format: TExportFormat;
  /** IANA zone for the Markdown's days and times. */
  timeZone?: string;
  exportedAt?: Date;
}

/**
 * A room's whole record as a byte stream, produced as it is read: a batch of the timeline is
 * fetched only when the reader of the stream wants more (pull), so memory stays that of one
 * batch however long the room's history, and a download that stops stops the reads.
 */
export function exportRoom(
  db: TDbClient,
  { room, format, timeZone = "UTC", exportedAt = new Date() }: ExportRoomOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = iterateTimeline(db, room.id);
  const clock = new MarkdownClock(timeZone);
  let started = false;
  let first = true;
  let day: string | null = null;

  const render = (entries: Parameters<typeof markdownEntry>[0][]): string => {
    let text = "";
    for (const entry of entries) {
      if (format === "markdown") {
        const rendered = markdownEntry(entry, day, clock);
        text += rendered.text;
        day = rendered.day;
      } else {
        const exported = toExportEntry(entry);
        if (!exported) continue;
        text += `${first ? "" : ","}\n${JSON.stringify(exported)}`;
        first = false;
      }
    }
    return text;
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(format === "markdown" ? markdownHead(room, exportedAt, clock) : jsonExportHead(room, exportedAt)));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          if (format === "json") controller.enqueue(encoder.encode(`${first ? "" : "\n"}${JSON_EXPORT_TAIL}`));
          else if (day === null) controller.enqueue(encoder.encode("\nNothing has happened in this room yet.\n"));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(render(next.value)));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    // One chunk ahead at most: the next read waits until this one is taken.
    { highWaterMark: 1 },
  );
}
