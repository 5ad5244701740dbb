"use client";
import { useId, useState, type FormEvent } from "react";
import type { TPublicUser } from "@/lib/shared/user";
import { useSearch, type SearchState } from "@/lib/client/history/use-search";
import { inputClass, secondaryButtonClass } from "../../_components/ui";
import { SearchResultItem } from "./SearchResultItem";

/** Search by words in one room (`roomId`) or across all of the reader's rooms; results link into the timelines. */
export function SearchPanel({ roomId, me }: { roomId?: string; me: TPublicUser }) {
  const search = useSearch(roomId);
  const [text, setText] = useState("");
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) search.search(text);
  };
  const label = roomId ? "Search this room" : "Search all your rooms";
  return (
    <div role="search" aria-label={label} className="min-w-0">
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={inputId} className="block text-sm font-medium">
            {label}
          </label>
          <input
            id={inputId}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={200}
            placeholder="Words to find"
            className={`${inputClass} mt-1`}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>
      {search.status === "error" && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {search.error}
        </p>
      )}
      {search.query !== null && (
        <div className="mt-2">
          <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
            {summary(search, search.query)}{" "}
            <button type="button" onClick={search.clear} className="underline">
              Clear
            </button>
          </p>
          {search.results.length > 0 && (
            <ol aria-label="Search results" className="mt-1 max-h-96 space-y-1 overflow-y-auto">
              {search.results.map((result) => (
                <SearchResultItem key={result.message.id} result={result} me={me} showRoom={!roomId} />
              ))}
            </ol>
          )}
          {search.nextCursor && (
            <button
              type="button"
              onClick={search.loadMore}
              disabled={search.status === "searching"}
              className="mt-1 text-sm text-brand-600 hover:underline disabled:opacity-60 dark:text-brand-400"
            >
              {search.status === "searching" ? "Searching…" : "More results"}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** What the search found, in words; nothing while its error says what went wrong instead. */
function summary(search: Pick<SearchState, "status" | "results" | "nextCursor">, query: string): string {
  const count = search.results.length;
  if (count === 0 && search.status === "searching") return "Searching…";
  // Not "no messages": the search did not run, and the alert above says why.
  if (count === 0 && search.status === "error") return "";
  if (count === 0) return `No messages with “${query}”.`;
  return `${count}${search.nextCursor ? "+" : ""} ${count === 1 ? "message" : "messages"} with “${query}”`;
}
