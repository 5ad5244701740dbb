"use client";
import { useSyncExternalStore } from "react";
import { roomExportPath } from "@/lib/shared/room-export-path";

/**
 * Downloads of the room's whole record. Times in the Markdown are in the reader's time zone,
 * which only the browser knows: until it has said, the links ask for UTC.
 */
export function ExportLinks({ roomId }: { roomId: string }) {
  const timeZone = useSyncExternalStore(neverChanges, browserTimeZone, serverTimeZone);
  const linkClass = "rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div role="group" aria-label="Export the whole conversation" className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium">Export</span>
      <a href={roomExportPath(roomId, "markdown", timeZone)} download className={linkClass}>
        Markdown
      </a>
      <a href={roomExportPath(roomId, "json", timeZone)} download className={linkClass}>
        JSON
      </a>
    </div>
  );
}

// The reader's time zone does not change while the page is open: nothing to subscribe to.
const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => undefined;
