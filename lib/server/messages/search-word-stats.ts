import type { TDbClient } from "../db/create-db-client";

/** Statistics change only when PostgreSQL analyzes the table; a minute-old copy is as good. */
const STATS_TTL_MS = 60_000;

export interface TWordStats {
  readAt: number;
  /** Messages in the table, as PostgreSQL last counted them. */
  messages: number;
  /** Share of messages holding each of the most common words. */
  shares: Map<string, number>;
}

const cache = new WeakMap<TDbClient, TWordStats>();

/**
 * What PostgreSQL's statistics say about the words of chat: how many messages there are, and
 * the share of them holding each of the most common words (the list ANALYZE keeps for the
 * search index's expression). Without statistics (a table never analyzed, hence small), no
 * word is common.
 */
export async function wordStats(db: TDbClient): Promise<TWordStats> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.readAt < STATS_TTL_MS) return cached;
  // ANALYZE keeps statistics on an expression index's expression under the index's name.
  const [row] = await db.$queryRawUnsafe<Array<{ words: string[] | null; shares: number[] | null; messages: number | null }>>(
    `SELECT s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs::float8[] AS shares,
            (SELECT reltuples::float8 FROM pg_class WHERE oid = '"Message"'::regclass) AS messages
       FROM (SELECT 1) one
       LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'Message_body_search_idx'`,
  );
  const words = row?.words ?? [];
  // (After the words' own shares the array goes on with their least and greatest, unused here.)
  const shares = (row?.shares ?? []).map(Number);
  const stats: TWordStats = {
    readAt: Date.now(),
    messages: Math.max(0, Number(row?.messages ?? 0)),
    shares: new Map(words.map((word, index) => [word, shares[index] ?? 0])),
  };
  cache.set(db, stats);
  return stats;
}

/**
 * The share of messages holding every one of `terms`, taking the words as independent. A word
 * not on the list counts as none: it may be far rarer than the least common listed word (with
 * a small vocabulary, that one is still in 1 % of messages), and guessing a rare word common
 * costs a walk through a whole room, while guessing a common word rare costs only its matches.
 */
export function matchShare(stats: TWordStats, terms: string[]): number {
  return terms.reduce((share, term) => share * (stats.shares.get(term) ?? 0), 1);
}

/** For tests and the benchmark: the estimated share straight from the database. */
export async function estimateMatchShare(db: TDbClient, terms: string[]): Promise<number> {
  return matchShare(await wordStats(db), terms);
}
