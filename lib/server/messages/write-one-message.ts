import { AppError } from "@/lib/shared/errors";
import type { TDbClient } from "../db/create-db-client";
import { isForeignKeyViolation, isUniqueViolation } from "../db/prisma-errors";
import { ROOM_UNAVAILABLE } from "../rooms/room-unavailable";
import type { CreatedMessage, MessageWrite } from "./message-write";
import { MESSAGE_SELECT, toChatMessage } from "./message-select";
import { touchRooms } from "./touch-rooms";

/**
 * Stores one message in its own transaction: the path a batch falls back to when it failed as
 * a whole, so that one bad message fails alone. A stored retry answers with the first copy.
 * If the stored copy carries this write's own id, the batch stored it before failing (say, a
 * lookup after the INSERT failed): it is this write's message, new, and still to be relayed.
 */
export async function writeOneMessage(db: TDbClient, write: MessageWrite): Promise<CreatedMessage> {
  const { id, roomId, clientId, body, createdAt } = write;
  const authorId = write.author.id;
  try {
    const [row] = await db.$transaction([
      db.message.create({ data: { id, roomId, authorId, clientId, body, createdAt }, select: MESSAGE_SELECT }),
      touchRooms(db, [roomId], createdAt),
    ]);
    return { message: toChatMessage(row), created: true };
  } catch (error) {
    // The room was deleted (its owner deleted their account) while the message was on its way.
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
    if (!isUniqueViolation(error)) throw error;
    const stored = await db.message.findUniqueOrThrow({
      where: { roomId_authorId_clientId: { roomId, authorId, clientId } },
      select: MESSAGE_SELECT,
    });
    return { message: toChatMessage(stored), created: stored.id === id };
  }
}
