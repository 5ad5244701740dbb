import type { TTimelineEntry, TTimelinePosition } from "@/lib/shared/timeline";
import type { TDbClient } from "../db/create-db-client";
import { MESSAGE_SELECT, toChatMessage } from "../messages/message-select";

/** Which side of a position to read, and whether the position itself counts. */
export type TDirection = "before" | "after";

/**
 * Up to `take` of a room's messages strictly before (newest first) or after (oldest first) a
 * position: one range scan of the [roomId, createdAt, id] index.
 */
export async function listMessageEntries(
  db: TDbClient,
  { roomId, from, direction, take }: { roomId: string; from: TTimelinePosition | null; direction: TDirection; take: number },
): Promise<TTimelineEntry[]> {
  const [beyond, beyondOrAt] = direction === "before" ? (["lt", "lte"] as const) : (["gt", "gte"] as const);
  const order = direction === "before" ? "desc" : "asc";
  const rows = await db.message.findMany({
    where: {
      roomId,
      // The plain bound is implied by the OR, but it is what lets the index scan start at the
      // position: without it both databases walk the room's index from its end to get there.
      ...(from && {
        createdAt: { [beyondOrAt]: from.at },
        OR: [{ createdAt: { [beyond]: from.at } }, { createdAt: from.at, id: { [beyond]: from.key } }],
      }),
    },
    orderBy: [{ createdAt: order }, { id: order }],
    select: MESSAGE_SELECT,
    take,
  });
  return rows.map((row) => messageEntry(toChatMessage(row)));
}

export function messageEntry(message: ReturnType<typeof toChatMessage>): TTimelineEntry {
  return { kind: "message", key: message.id, at: message.createdAt, message };
}
