"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { isAppError } from "@/lib/shared/errors";
import type { TTimelineEntry } from "@/lib/shared/timeline";
import { fetchTimeline, type TTimelineTarget } from "./timeline-api";

export interface TimelineState {
  /** Oldest first: a window onto the room's history, grown at either end. */
  entries: TTimelineEntry[];
  earlier: string | null;
  later: string | null;
  status: "loading" | "ready" | "error";
  loadingMore: "earlier" | "later" | null;
  /** The end whose last page failed to load: it loads again on a click, not by scrolling to it. */
  failedSide: "earlier" | "later" | null;
  /** The permalinked message, shown highlighted. */
  highlighted: string | null;
  /** What the view scrolls to once it has rendered: an entry's key, or the newest end. Bumped per request. */
  focus: { key: string | null; seq: number } | null;
  notice: string | null;
}

const INITIAL: TimelineState = {
  entries: [],
  earlier: null,
  later: null,
  status: "loading",
  loadingMore: null,
  failedSide: null,
  highlighted: null,
  focus: null,
  notice: null,
};

/** The message a location hash (`#m-<id>`) points at, if any. */
export function messageIdFromHash(hash: string): string | null {
  return /^#m-([A-Za-z0-9]{1,64})$/.exec(hash)?.[1] ?? null;
}

/**
 * A room's timeline as its history page shows it: opened at the newest entries or at the
 * message the URL's `#m-<id>` names (and again whenever that changes), grown page by page in
 * either direction, and re-opened around a date on request. Late answers to superseded
 * requests are dropped.
 */
export function useTimeline(roomId: string) {
  const [state, setState] = useState<TimelineState>(INITIAL);
  const generation = useRef(0);
  const seq = useRef(0);
  const entriesRef = useRef<TTimelineEntry[]>([]);
  entriesRef.current = state.entries;

  const open = useCallback(
    async (target: TTimelineTarget, notice: string | null = null) => {
      const mine = ++generation.current;
      setState((current) => ({ ...current, status: "loading", loadingMore: null, notice }));
      try {
        const { entries, earlier, later, anchor } = await fetchTimeline(roomId, target);
        if (mine !== generation.current) return;
        const highlighted = target.kind === "message" ? anchor : null;
        setState({ ...INITIAL, entries, earlier, later, status: "ready", highlighted, notice, focus: { key: anchor, seq: ++seq.current } });
      } catch (error) {
        if (mine !== generation.current) return;
        if (target.kind === "message" && isAppError(error) && error.code === "NOT_FOUND") {
          return void open({ kind: "newest" }, "That message is not in this room's history any more.");
        }
        setState((current) => ({ ...current, status: "error", notice: isAppError(error) ? error.message : null }));
      }
    },
    [roomId],
  );

  const showMessage = useCallback(
    (messageId: string) => {
      if (!entriesRef.current.some((entry) => entry.key === messageId)) return void open({ kind: "message", messageId });
      setState((current) => ({ ...current, highlighted: messageId, notice: null, focus: { key: messageId, seq: ++seq.current } }));
    },
    [open],
  );

  const loadMore = useCallback(
    async (side: "earlier" | "later") => {
      const cursor = side === "earlier" ? state.earlier : state.later;
      if (!cursor || state.loadingMore || state.status !== "ready") return;
      const mine = generation.current;
      setState((current) => ({ ...current, loadingMore: side, failedSide: null }));
      try {
        const page = await fetchTimeline(roomId, side === "earlier" ? { kind: "before", cursor } : { kind: "after", cursor });
        if (mine !== generation.current) return;
        setState((current) =>
          side === "earlier"
            ? { ...current, entries: [...page.entries, ...current.entries], earlier: page.earlier, loadingMore: null }
            : { ...current, entries: [...current.entries, ...page.entries], later: page.later, loadingMore: null },
        );
      } catch (error) {
        if (mine !== generation.current) return;
        const notice = isAppError(error) ? error.message : "Couldn't load more of the history.";
        setState((current) => ({ ...current, loadingMore: null, failedSide: side, notice }));
      }
    },
    [roomId, state.earlier, state.later, state.loadingMore, state.status],
  );

  // The URL's #m-<id> opens the page there; following a permalink on this page changes it again.
  useEffect(() => {
    const fromHash = () => messageIdFromHash(window.location.hash);
    const initial = fromHash();
    void (initial ? open({ kind: "message", messageId: initial }) : open({ kind: "newest" }));
    const onHashChange = () => {
      const messageId = fromHash();
      if (messageId) showMessage(messageId);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [open, showMessage]);

  return {
    ...state,
    loadEarlier: () => void loadMore("earlier"),
    loadLater: () => void loadMore("later"),
    jumpToDate: (at: string) => void open({ kind: "date", at }),
    showNewest: () => void open({ kind: "newest" }),
    retry: () => void open({ kind: "newest" }),
  };
}
