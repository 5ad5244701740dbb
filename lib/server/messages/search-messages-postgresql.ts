import { AppError } from "@/lib/shared/errors";
import type { TDbClient } from "../db/create-db-client";
import type { TSearchHits, TSearchHitsOptions } from "./search-hits";
import { matchShare, wordStats } from "./search-word-stats";

/**
 * Whether walking each room's newest messages beats fetching every match through the GIN
 * index. A walk tests about page / share rows per room (computing each one's tsvector); the
 * index fetches share × messages rows from all over the table. Over a million messages each
 * cost about the same per row (~11 µs), so the plan with fewer rows wins.
 */
export async function searchWalks(db: TDbClient, terms: string[], rooms: number, page: number): Promise<boolean> {
  const stats = await wordStats(db);
  const share = matchShare(stats, terms);
  if (share <= 0) return false;
  return (rooms * page) / share < share * stats.messages;
}

/**
 * The full-text condition; the migration's GIN index is on this very expression. Punctuation is
 * a space first, so a link, an address or "3.14" is words, as a query is split (lib/shared/search.ts)
 * and as SQLite's index splits it, rather than one token of PostgreSQL's parser.
 */
const MATCHES = `to_tsvector('simple', regexp_replace(body, '[[:punct:]]+', ' ', 'g')) @@ to_tsquery('simple', $2)`;

/**
 * PostgreSQL: the GIN index on the words of the body (MATCHES, see the migrations). Which plan is
 * fast depends on how common the words are, and the planner's own guess at a LIMIT over a
 * GIN index is wrong both ways, so the choice is made here, from the index's word statistics
 * (searchWalks):
 *   - common words: walk each room's newest messages through the [roomId, createdAt, id]
 *     index, testing each, until a page is found;
 *   - rarer words: read every match from the GIN index, keep my rooms', sort, cut a page.
 * Cursor: `p<ms since 1970>_<message id>` of the last result.
 */
export async function searchHitsPostgresql(db: TDbClient, { roomIds, terms, cursor, limit }: TSearchHitsOptions): Promise<TSearchHits> {
  // Terms are letters, digits and marks only; quoted lexemes keep to_tsquery from reading operators anyway.
  const tsquery = terms.map((term) => `'${term.replaceAll("'", "''").replaceAll("\\", "\\\\")}'`).join(" & ");
  const after = cursor ? parseCursor(cursor) : null;
  const walk = await searchWalks(db, terms, roomIds.length, limit + 1);
  const sql = postgresSearchSql({ walk, older: after !== null });
  const rows = await db.$queryRawUnsafe<Array<{ id: string; ms: number | bigint | string }>>(
    sql,
    roomIds,
    tsquery,
    limit + 1,
    ...(after ? [after.at.toISOString(), after.id] : []),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((row) => row.id), nextCursor: rows.length > limit && last ? `p${Number(last.ms)}_${last.id}` : null };
}

/**
 * The search's SQL: $1 room ids, $2 tsquery, $3 rows, and with `older`, $4 time and $5 id of
 * the cursor. `walk`: the words are common (see above).
 */
export function postgresSearchSql({ walk, older }: { walk: boolean; older: boolean }): string {
  const olderThan = (prefix: string) => (older ? `AND (${prefix}"createdAt", ${prefix}id) < ($4::timestamp, $5::text)` : "");
  return walk
    ? // IS TRUE: not a condition the GIN index can serve, so each room's newest rows are read in order.
      `SELECT m.id, m.ms FROM unnest($1::text[]) AS r(id) CROSS JOIN LATERAL (
         SELECT id, "createdAt", (extract(epoch FROM "createdAt") * 1000)::bigint AS ms FROM "Message"
          WHERE "roomId" = r.id AND (${MATCHES}) IS TRUE ${olderThan("")}
          ORDER BY "createdAt" DESC, id DESC LIMIT $3) m
        ORDER BY m."createdAt" DESC, m.id DESC LIMIT $3`
    : // OFFSET 0 keeps the planner from pushing the room and order into the GIN scan's subquery.
      `SELECT hit.id, (extract(epoch FROM hit."createdAt") * 1000)::bigint AS ms
         FROM (SELECT id, "roomId", "createdAt" FROM "Message" WHERE ${MATCHES} OFFSET 0) hit
        WHERE hit."roomId" = ANY($1::text[]) ${olderThan("hit.")}
        ORDER BY hit."createdAt" DESC, hit.id DESC LIMIT $3`;
}

/** The last instant PostgreSQL's timestamp takes from a JavaScript date's ISO string (year 9999). */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function parseCursor(cursor: string): { at: Date; id: string } {
  const match = /^p(\d{1,15})_([A-Za-z0-9]{1,64})$/.exec(cursor);
  // A crafted time past year 9999 ("+033658-…") would reach PostgreSQL and fail there as a 500.
  if (!match || Number(match[1]) > LATEST_MS) {
    throw new AppError("VALIDATION", "cursor: not a position in these results", { cursor: "Not a search position" });
  }
  return { at: new Date(Number(match[1])), id: match[2]! };
}
