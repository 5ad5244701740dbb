"use client";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { TTimelineEntry } from "@/lib/shared/timeline";
import type { TPublicUser } from "@/lib/shared/user";
import { dayLabel } from "@/lib/client/history/format-time";
import { groupByDay } from "@/lib/client/history/group-by-day";
import type { useTimeline } from "@/lib/client/history/use-timeline";
import { TimelineCallEvent } from "./TimelineCallEvent";
import { TimelineMessage } from "./TimelineMessage";

type TTimeline = ReturnType<typeof useTimeline>;

const byKey = (key: string) => document.querySelector<HTMLElement>(`[data-entry-key="${CSS.escape(key)}"]`);

/**
 * The room's history, oldest at the top and newest at the bottom, one section per day. Earlier
 * entries load when the top comes into view (or on the button), keeping what is on screen where
 * it was; later ones likewise at the bottom after a jump into the past.
 */
export function Timeline({ timeline, me }: { timeline: TTimeline; me: TPublicUser }) {
  const end = useRef<HTMLDivElement>(null);
  const kept = useRef<{ key: string; top: number } | null>(null);

  // After opening (at the newest end, a permalink, a date): bring the target into view and focus it.
  const { focus } = timeline;
  useLayoutEffect(() => {
    if (!focus) return;
    const target = focus.key ? byKey(focus.key) : null;
    // Never return scrollIntoView's value: newer browsers give a Promise, which React would call as a cleanup.
    if (!target) {
      end.current?.scrollIntoView({ block: "end" });
      return;
    }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, [focus]);

  // Earlier entries arrived above: put the entry that was at the top back where it was on screen.
  useLayoutEffect(() => {
    const previous = kept.current;
    const element = previous && byKey(previous.key);
    kept.current = null;
    if (previous && element) window.scrollBy(0, element.getBoundingClientRect().top - previous.top);
  }, [timeline.entries]);

  const loadEarlier = () => {
    const first = timeline.entries[0];
    const element = first && byKey(first.key);
    if (element) kept.current = { key: first.key, top: element.getBoundingClientRect().top };
    timeline.loadEarlier();
  };

  // After a failed page, scrolling to the button must not retry at once, and again, for ever.
  const earlierButton = useWhenVisible<HTMLButtonElement>(
    timeline.status === "ready" && !timeline.loadingMore && timeline.earlier !== null && timeline.failedSide !== "earlier",
    loadEarlier,
  );
  const laterButton = useWhenVisible<HTMLButtonElement>(
    timeline.status === "ready" && !timeline.loadingMore && timeline.later !== null && timeline.failedSide !== "later",
    timeline.loadLater,
  );

  return (
    <div>
      {timeline.earlier && (
        <p className="mb-3 text-center">
          <button
            ref={earlierButton}
            type="button"
            onClick={loadEarlier}
            disabled={timeline.loadingMore !== null}
            className="text-sm text-brand-600 hover:underline disabled:opacity-60 dark:text-brand-400"
          >
            {timeline.loadingMore === "earlier" ? "Loading…" : "Load earlier"}
          </button>
        </p>
      )}
      {timeline.status === "ready" && timeline.entries.length === 0 && (
        <p className="text-center text-sm text-slate-500 dark:text-slate-400">
          Nothing has happened in this room yet. Open the room to call or say hello: its messages and calls are kept here.
        </p>
      )}
      {groupByDay(timeline.entries).map(({ day, entries }) => (
        <section key={day} aria-labelledby={`day-${day}`} className="mb-4">
          <h2
            id={`day-${day}`}
            className="sticky top-0 z-10 mb-2 flex items-center gap-2 bg-white/90 py-1 text-xs font-medium text-slate-500 dark:bg-slate-900/90 dark:text-slate-400"
          >
            <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
            <time dateTime={day}>{dayLabel(day)}</time>
            <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
          </h2>
          <ol aria-label={dayLabel(day)} className="space-y-3">
            {entries.map((entry) => (
              <TimelineEntry key={entry.key} entry={entry} me={me} highlighted={entry.key === timeline.highlighted} />
            ))}
          </ol>
        </section>
      ))}
      {timeline.later && (
        <p className="mt-3 flex justify-center gap-4">
          <button
            ref={laterButton}
            type="button"
            onClick={timeline.loadLater}
            disabled={timeline.loadingMore !== null}
            className="text-sm text-brand-600 hover:underline disabled:opacity-60 dark:text-brand-400"
          >
            {timeline.loadingMore === "later" ? "Loading…" : "Load later"}
          </button>
          <button type="button" onClick={timeline.showNewest} className="text-sm text-brand-600 hover:underline dark:text-brand-400">
            Jump to the newest
          </button>
        </p>
      )}
      <div ref={end} />
    </div>
  );
}

function TimelineEntry({ entry, me, highlighted }: { entry: TTimelineEntry; me: TPublicUser; highlighted: boolean }) {
  return entry.kind === "message" ? (
    <TimelineMessage message={entry.message} mine={entry.message.author.id === me.id} highlighted={highlighted} />
  ) : (
    <TimelineCallEvent kind={entry.kind} entryKey={entry.key} at={entry.at} call={entry.call} me={me} />
  );
}

/** Calls `onVisible` when the element scrolls into (or near) view while `enabled`: infinite scroll. */
function useWhenVisible<T extends HTMLElement>(enabled: boolean, onVisible: () => void) {
  const ref = useRef<T>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const observer = new IntersectionObserver((records) => records.some((record) => record.isIntersecting) && callback.current(), {
      rootMargin: "200px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
