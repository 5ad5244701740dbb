import { AppError } from "@/lib/shared/errors";
import type { THistoryPage } from "@/lib/shared/message";
import type { TDbClient } from "../db/create-db-client";
import { MESSAGE_ORDER_NEWEST_FIRST, MESSAGE_SELECT, toChatMessage } from "./message-select";

export interface ListMessagesOptions {
  roomId: string;
  /** Id of the oldest message the reader already has; absent for the newest page. */
  before?: string;
  limit: number;
}

/** One page of a room's chat, read newest first, returned oldest first. */
export async function listMessages(db: TDbClient, { roomId, before, limit }: ListMessagesOptions): Promise<THistoryPage> {
  const olderThan = before ? await findCursor(db, roomId, before) : undefined;
  const rows = await db.message.findMany({
    where: {
      roomId,
      // createdAt ≤ cursor is implied by the OR, but it lets the index scan start at the cursor
      // instead of walking the room's index from its newest entry down to it.
      ...(olderThan && {
        createdAt: { lte: olderThan.createdAt },
        OR: [{ createdAt: { lt: olderThan.createdAt } }, { createdAt: olderThan.createdAt, id: { lt: olderThan.id } }],
      }),
    },
    orderBy: [...MESSAGE_ORDER_NEWEST_FIRST],
    select: MESSAGE_SELECT,
    take: limit + 1,
  });
  const oldestFirst = rows.slice(0, limit).reverse();
  const hasOlder = rows.length > limit;
  return {
    messages: oldestFirst.map(toChatMessage),
    nextCursor: hasOlder ? (oldestFirst[0]?.id ?? null) : null,
  };
}

async function findCursor(db: TDbClient, roomId: string, id: string) {
  const cursor = await db.message.findFirst({ where: { id, roomId }, select: { id: true, createdAt: true } });
  if (!cursor) throw new AppError("VALIDATION", "before: no such message in this room", { before: "Unknown cursor" });
  return cursor;
}
