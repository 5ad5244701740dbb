"use client";
import { useState, useSyncExternalStore, type MouseEvent } from "react";
import { isAppError } from "@/lib/shared/errors";
import { roomExportPath } from "@/lib/shared/room-export-path";
import { downloadExport } from "@/lib/client/history/download-export";
import { Spinner } from "../../_components/Spinner";

type TFormat = "markdown" | "json";
const LABELS: Record<TFormat, string> = { markdown: "Markdown", json: "JSON" };

/**
 * Downloads of the room's whole record. Times in the Markdown are in the reader's time zone,
 * which only the browser knows: until it has said, the links ask for UTC. Each stays a link
 * (it opens in a new tab, or copies), but a click fetches it first, so a refusal is said here.
 */
export function ExportLinks({ roomId }: { roomId: string }) {
  const timeZone = useSyncExternalStore(neverChanges, browserTimeZone, serverTimeZone);
  const [preparing, setPreparing] = useState<TFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linkClass = "rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

  const download = (format: TFormat) => (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click (new tab, save as…) is the browser's to handle.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (preparing) return;
    setPreparing(format);
    setError(null);
    downloadExport(event.currentTarget.href)
      .catch((reason: unknown) => setError(isAppError(reason) ? reason.message : "The export failed. Try again in a moment."))
      .finally(() => setPreparing(null));
  };

  return (
    <div role="group" aria-label="Export the whole conversation" className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium">Export</span>
      {(["markdown", "json"] as const).map((format) => (
        <a
          key={format}
          href={roomExportPath(roomId, format, timeZone)}
          download
          onClick={download(format)}
          aria-busy={preparing === format || undefined}
          className={`inline-flex items-center gap-2 ${linkClass}`}
        >
          {preparing === format && <Spinner />}
          {LABELS[format]}
        </a>
      ))}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

// The reader's time zone does not change while the page is open: nothing to subscribe to.
const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => undefined;
