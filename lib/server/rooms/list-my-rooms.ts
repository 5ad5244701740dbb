import type { TMemberRole, TMyRoom } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

/** The home page shows at most this many rooms, newest activity first. */
export const MY_ROOMS_LIMIT = 200;

/**
 * The rooms a user belongs to, newest activity first, each with its message count and the other
 * member's messages since this user last looked (unread).
 *
 * Unread counts cost one indexed count ([roomId, createdAt, id]) per room with activity since
 * the user last looked, and nothing for the others: a room's lastActivityAt is at least the
 * createdAt of each of its messages (createMessage sets both at once), so a marker at or after
 * it leaves nothing unread.
 */
export async function listMyRooms(db: TDbClient, { userId }: { userId: string }): Promise<TMyRoom[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: [{ room: { lastActivityAt: "desc" } }, { roomId: "desc" }],
    take: MY_ROOMS_LIMIT,
    select: {
      role: true,
      lastReadAt: true,
      room: { select: { ...ROOM_SUMMARY_SELECT, _count: { select: { messages: true } } } },
    },
  });
  return Promise.all(
    memberships.map(async ({ role, lastReadAt, room }) => ({
      ...toRoomSummary(room),
      myRole: role as TMemberRole,
      messageCount: room._count.messages,
      unreadCount:
        lastReadAt && lastReadAt >= room.lastActivityAt
          ? 0
          : await db.message.count({
              where: { roomId: room.id, authorId: { not: userId }, ...(lastReadAt && { createdAt: { gt: lastReadAt } }) },
            }),
    })),
  );
}
