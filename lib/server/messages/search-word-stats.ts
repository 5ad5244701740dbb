import type { TDbClient } from "../db/create-db-client";

/** Statistics change only when PostgreSQL analyzes the table; a minute-old copy is as good. */
const STATS_TTL_MS = 60_000;

interface TWordStats {
  readAt: number;
  /** Share of messages holding each of the most common words. */
  shares: Map<string, number>;
  /** What a word outside that list is assumed to reach: half the least common listed one. */
  otherShare: number;
}

const cache = new WeakMap<TDbClient, TWordStats>();

/**
 * How large a share of all messages PostgreSQL's statistics say hold every one of `terms`
 * (taken as independent): from the most-common-words list ANALYZE keeps for the search index.
 * Without statistics (a table never analyzed, hence small), 0: every word counts as rare.
 */
export async function estimateMatchShare(db: TDbClient, terms: string[]): Promise<number> {
  const stats = await wordStats(db);
  return terms.reduce((share, term) => share * (stats.shares.get(term) ?? stats.otherShare), 1);
}

async function wordStats(db: TDbClient): Promise<TWordStats> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.readAt < STATS_TTL_MS) return cached;
  // ANALYZE keeps statistics on an expression index's expression under the index's name.
  const [row] = await db.$queryRawUnsafe<Array<{ words: string[] | null; shares: number[] | null }>>(
    `SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs::float8[] AS shares
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Message_body_search_idx'`,
  );
  const words = row?.words ?? [];
  // After the words' own shares come the least and greatest of them, and the share of empty bodies.
  const shares = (row?.shares ?? []).map(Number);
  const stats: TWordStats = {
    readAt: Date.now(),
    shares: new Map(words.map((word, index) => [word, shares[index] ?? 0])),
    otherShare: words.length > 0 ? (shares[words.length] ?? 0) / 2 : 0,
  };
  cache.set(db, stats);
  return stats;
}
