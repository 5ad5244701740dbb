"use client";
import type { TPublicUser } from "@/lib/shared/user";
import { useTimeline } from "@/lib/client/history/use-timeline";
import { SearchPanel } from "../_components/SearchPanel";
import { ExportLinks } from "./ExportLinks";
import { JumpToDate } from "./JumpToDate";
import { Timeline } from "./Timeline";

/**
 * A room's whole record: messages and calls in one timeline (newest at the bottom, earlier
 * pages as one scrolls up), opened at a message when the URL names one (`#m-<id>`), with
 * search, a jump to any date, and the export downloads.
 */
export function HistoryView({ roomId, me }: { roomId: string; me: TPublicUser }) {
  const timeline = useTimeline(roomId);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        <SearchPanel roomId={roomId} me={me} />
        <JumpToDate onJump={timeline.jumpToDate} />
        <div className="sm:col-span-2">
          <ExportLinks roomId={roomId} />
        </div>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900">
        {timeline.notice && (
          <p role="status" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {timeline.notice}
          </p>
        )}
        {timeline.status === "loading" && (
          <p role="status" className="text-center text-sm text-slate-500 dark:text-slate-400">
            Loading the history…
          </p>
        )}
        {timeline.status === "error" && (
          <p role="alert" className="text-center text-sm text-red-700 dark:text-red-300">
            Couldn&apos;t load the history.{" "}
            <button type="button" onClick={timeline.retry} className="underline">
              Retry
            </button>
          </p>
        )}
        <Timeline timeline={timeline} me={me} />
      </div>
    </div>
  );
}
