/**
 * Searching chat by words, in one room or across all of one's rooms. Both databases match
 * whole words, case-insensitively, every word of the query (in any order).
 */
import { z } from "./zod";
import type { TChatMessage } from "./message";

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_TERMS_MAX = 8;
export const SEARCH_PAGE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 50;

/** A word, as both full-text indexes split text: a run of letters, digits and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower case without accents: how SQLite's index compares words (PostgreSQL's keeps accents). */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The distinct words of a query, lower-cased, at most SEARCH_TERMS_MAX, each at most 64 characters. */
export function searchTerms(query: string): string[] {
  const words = (query.match(WORD) ?? []).map((word) => word.toLowerCase().slice(0, 64));
  return [...new Set(words)].slice(0, SEARCH_TERMS_MAX);
}

export const ZSearchQuery = z.object({
  q: z.string({ error: "Type what to search for" }).check(
    z.trim(),
    z.minLength(1, "Type what to search for"),
    z.maxLength(SEARCH_QUERY_MAX_LENGTH, `Search for at most ${SEARCH_QUERY_MAX_LENGTH} characters`),
    z.refine((query) => searchTerms(query).length > 0, "Search for at least one word"),
  ),
  /** Opaque: the `nextCursor` of the previous page of results. */
  cursor: z.optional(z.string().check(z.regex(/^[sp][A-Za-z0-9_]{1,80}$/, "Not a search position"))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(SEARCH_PAGE_MAX)), SEARCH_PAGE_DEFAULT),
});
export type TSearchQuery = z.output<typeof ZSearchQuery>;

/** [start, end) offsets into a message body, in UTF-16 code units (JavaScript string indices). */
export type THighlight = [number, number];

export interface TSearchResult {
  message: TChatMessage;
  room: { id: string; name: string };
  /** Where the searched words are in the body, in order. */
  highlights: THighlight[];
}

export interface TSearchPage {
  /** Newest first. */
  results: TSearchResult[];
  /** Pass as `cursor` for older results; null when there are none. */
  nextCursor: string | null;
}

/** Where the body has one of the terms as a whole word, comparing as the search did (case and accents folded). */
export function findHighlights(body: string, terms: string[]): THighlight[] {
  const wanted = new Set(terms.map(foldWord));
  const found: THighlight[] = [];
  for (const match of body.matchAll(WORD)) {
    if (wanted.has(foldWord(match[0]))) found.push([match.index, match.index + match[0].length]);
  }
  return found;
}
