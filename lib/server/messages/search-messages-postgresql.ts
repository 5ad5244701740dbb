import { AppError } from "@/lib/shared/errors";
import type { TDbClient } from "../db/create-db-client";
import type { TSearchHits, TSearchHitsOptions } from "./search-hits";

/**
 * PostgreSQL: the GIN index on to_tsvector('simple', body) (see the migration; the expression
 * here must stay the same). One lateral subquery per room reads that room's newest matches
 * through the [roomId, createdAt, id] index or the GIN index, whichever the planner finds
 * cheaper for these words (a common word: walk the newest messages; a rare one: the GIN
 * index), and the outer query merges them. Cursor: `p<ms since 1970>_<message id>`.
 */
export async function searchHitsPostgresql(db: TDbClient, { roomIds, terms, cursor, limit }: TSearchHitsOptions): Promise<TSearchHits> {
  // Terms are letters, digits and marks only; quoted lexemes keep to_tsquery from reading operators anyway.
  const tsquery = terms.map((term) => `'${term.replaceAll("'", "''").replaceAll("\\", "\\\\")}'`).join(" & ");
  const after = cursor ? parseCursor(cursor) : null;
  const rows = await db.$queryRawUnsafe<Array<{ id: string; ms: number | bigint | string }>>(
    `SELECT m.id, m.ms
       FROM unnest($1::text[]) AS r(id)
       CROSS JOIN LATERAL (
         SELECT id, "createdAt", (extract(epoch FROM "createdAt") * 1000)::bigint AS ms
           FROM "Message"
          WHERE "roomId" = r.id
            AND to_tsvector('simple', body) @@ to_tsquery('simple', $2)
            ${after ? `AND ("createdAt", id) < ($4::timestamp, $5::text)` : ""}
          ORDER BY "createdAt" DESC, id DESC
          LIMIT $3
       ) m
      ORDER BY m."createdAt" DESC, m.id DESC
      LIMIT $3`,
    roomIds,
    tsquery,
    limit + 1,
    ...(after ? [after.at.toISOString(), after.id] : []),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((row) => row.id), nextCursor: rows.length > limit && last ? `p${Number(last.ms)}_${last.id}` : null };
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const match = /^p(\d{1,15})_([A-Za-z0-9]{1,64})$/.exec(cursor);
  if (!match) throw new AppError("VALIDATION", "cursor: not a position in these results", { cursor: "Not a search position" });
  return { at: new Date(Number(match[1])), id: match[2]! };
}
