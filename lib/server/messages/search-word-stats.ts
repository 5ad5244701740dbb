import type { TDbClient } from "../db/create-db-client";

/** Statistics change only when PostgreSQL analyzes the table; a minute-old copy is as good. */
const STATS_TTL_MS = 60_000;

export interface TWordStats {
  readAt: number;
  /** Messages in the table, as PostgreSQL last counted them. */
  messages: number;
  /** Share of messages holding each of the most common words. */
  shares: Map<string, number>;
  /** What a word outside that list is assumed to reach: half the least common listed one. */
  otherShare: number;
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
  // After the words' own shares come the least and greatest of them, and the share of empty bodies.
  const shares = (row?.shares ?? []).map(Number);
  const stats: TWordStats = {
    readAt: Date.now(),
    messages: Math.max(0, Number(row?.messages ?? 0)),
    shares: new Map(words.map((word, index) => [word, shares[index] ?? 0])),
    otherShare: words.length > 0 ? (shares[words.length] ?? 0) / 2 : 0,
  };
  cache.set(db, stats);
  return stats;
}

/** The share of messages holding every one of `terms`, taking the words as independent. */
export function matchShare(stats: TWordStats, terms: string[]): number {
  return terms.reduce((share, term) => share * (stats.shares.get(term) ?? stats.otherShare), 1);
}

/** For tests and the benchmark: the estimated share straight from the database. */
export async function estimateMatchShare(db: TDbClient, terms: string[]): Promise<number> {
  return matchShare(await wordStats(db), terms);
}
