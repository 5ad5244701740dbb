import { findHighlights, searchTerms, type TSearchPage } from "@/lib/shared/search";
import { dbProviderOf, type TDbClient } from "../db/create-db-client";
import { MESSAGE_SELECT, toChatMessage } from "./message-select";
import type { TSearchHits, TSearchHitsOptions } from "./search-hits";
import { searchHitsPostgresql } from "./search-messages-postgresql";
import { searchHitsSqlite } from "./search-messages-sqlite";

export interface SearchMessagesOptions {
  userId: string;
  /** One room (whose membership the caller has checked); absent: every room the user is in. */
  roomId?: string;
  query: string;
  cursor?: string;
  limit: number;
}

const FIND_HITS: Record<ReturnType<typeof dbProviderOf>, (db: TDbClient, options: TSearchHitsOptions) => Promise<TSearchHits>> = {
  sqlite: searchHitsSqlite,
  postgresql: searchHitsPostgresql,
};

/**
 * Messages with every word of `query`, newest first, in the user's rooms only: each database's
 * own full-text index finds them (SQLite FTS5, PostgreSQL tsvector + GIN; one implementation
 * each, same answers), and Prisma reads what the page shows, with where each word is.
 */
export async function searchMessages(db: TDbClient, { userId, roomId, query, cursor, limit }: SearchMessagesOptions): Promise<TSearchPage> {
  const terms = searchTerms(query);
  const memberships = await db.membership.findMany({ where: { userId, ...(roomId && { roomId }) }, select: { roomId: true } });
  const roomIds = memberships.map((membership) => membership.roomId);
  if (terms.length === 0 || roomIds.length === 0) return { results: [], nextCursor: null };

  const { ids, nextCursor } = await FIND_HITS[dbProviderOf(db)](db, { roomIds, terms, cursor, limit });
  const rows = await db.message.findMany({
    // roomId again: the index answers for these rooms, and this read must not trust it blindly.
    where: { id: { in: ids }, roomId: { in: roomIds } },
    select: { ...MESSAGE_SELECT, room: { select: { id: true, name: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { room, ...message } = row;
    return [{ message: toChatMessage(message), room, highlights: findHighlights(message.body, terms) }];
  });
  return { results, nextCursor };
}
