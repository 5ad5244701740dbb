import { AppError } from "@/lib/shared/errors";
import type { TDbClient } from "../db/create-db-client";
import type { TSearchHits, TSearchHitsOptions } from "./search-hits";

/** FTS5 string literal: double quotes around, doubled inside. */
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The token the index holds for a room (see the migration): 'r' and the id's UTF-8 bytes in hex. */
export function roomSearchKey(roomId: string): string {
  return `r${Buffer.from(roomId, "utf8").toString("hex")}`;
}

/**
 * SQLite: the FTS5 table MessageSearch, whose rowids (MessageSearchDoc.docId) follow the order
 * messages were stored. Rooms and words are both matched inside the index, and it walks the
 * matches from the newest rowid down, so it stops after one page even for a common word.
 * Cursor: `s<docId>` of the last result.
 */
export async function searchHitsSqlite(db: TDbClient, { roomIds, terms, cursor, limit }: TSearchHitsOptions): Promise<TSearchHits> {
  const match = `roomKey : (${roomIds.map(roomSearchKey).join(" OR ")}) AND body : (${terms.map(quote).join(" AND ")})`;
  const below = cursor ? parseCursor(cursor) : Number.MAX_SAFE_INTEGER;
  const rows = await db.$queryRawUnsafe<Array<{ messageId: string; docId: number | bigint }>>(
    `SELECT d."messageId" AS "messageId", s.rowid AS "docId"
       FROM "MessageSearch" s JOIN "MessageSearchDoc" d ON d."docId" = s.rowid
      WHERE "MessageSearch" MATCH ? AND s.rowid < ?
      ORDER BY s.rowid DESC
      LIMIT ?`,
    match,
    below,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((row) => row.messageId), nextCursor: rows.length > limit && last ? `s${Number(last.docId)}` : null };
}

function parseCursor(cursor: string): number {
  const docId = /^s(\d{1,15})$/.exec(cursor)?.[1];
  if (!docId) throw new AppError("VALIDATION", "cursor: not a position in these results", { cursor: "Not a search position" });
  return Number(docId);
}
