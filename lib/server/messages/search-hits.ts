/** What a provider's full-text search is asked: these words, in these rooms, older than the cursor. */
export interface TSearchHitsOptions {
  roomIds: string[];
  /** Lower-case words (lib/shared/search.ts searchTerms): letters, digits and marks only. */
  terms: string[];
  /** This provider's own `nextCursor` from the previous page. */
  cursor?: string;
  limit: number;
}

export interface TSearchHits {
  /** Message ids, newest first. */
  ids: string[];
  nextCursor: string | null;
}
