"use client";
import { useCallback, useRef, useState } from "react";
import { isAppError } from "@/lib/shared/errors";
import type { TSearchPage, TSearchResult } from "@/lib/shared/search";
import { apiFetch } from "../api-client";

export interface SearchState {
  /** The query the results are for; null before the first search. */
  query: string | null;
  results: TSearchResult[];
  nextCursor: string | null;
  status: "idle" | "searching" | "ready" | "error";
  error: string | null;
}

const IDLE: SearchState = { query: null, results: [], nextCursor: null, status: "idle", error: null };

/** Searches one room (`roomId`) or all of the reader's rooms; older results page in on request. */
export function useSearch(roomId?: string) {
  const [state, setState] = useState<SearchState>(IDLE);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (query: string, cursor: string | null) => {
      const params = new URLSearchParams({ q: query, ...(cursor && { cursor }) });
      const path = roomId ? `/api/rooms/${encodeURIComponent(roomId)}/search` : "/api/search";
      return apiFetch<TSearchPage>(`${path}?${params.toString()}`);
    },
    [roomId],
  );

  const run = useCallback(
    async (query: string, cursor: string | null) => {
      const mine = ++generation.current;
      setState((current) => ({ ...(cursor ? current : { ...IDLE, query }), status: "searching", error: null }));
      try {
        const page = await fetchPage(query, cursor);
        if (mine !== generation.current) return;
        setState((current) => ({
          query,
          results: cursor ? [...current.results, ...page.results] : page.results,
          nextCursor: page.nextCursor,
          status: "ready",
          error: null,
        }));
      } catch (error) {
        if (mine !== generation.current) return;
        setState((current) => ({ ...current, status: "error", error: isAppError(error) ? error.message : "Search failed." }));
      }
    },
    [fetchPage],
  );

  return {
    ...state,
    search: (query: string) => void run(query.trim(), null),
    loadMore: () => state.query && state.nextCursor && void run(state.query, state.nextCursor),
    clear: () => {
      generation.current += 1;
      setState(IDLE);
    },
  };
}
