import type { TChatMessage } from "@/lib/shared/message";
import type { TDbClient } from "../db/create-db-client";
import { isUniqueViolation } from "../db/is-unique-violation";
import { MESSAGE_SELECT, toChatMessage } from "./message-select";

export interface CreateMessageOptions {
  roomId: string;
  authorId: string;
  clientId: string;
  /** Already validated and trimmed by ZMessageBody. */
  body: string;
}

export interface CreatedMessage {
  message: TChatMessage;
  /** False when this clientId was stored before: a retry, answered with the first copy. */
  created: boolean;
}

/** Stores a chat message once per (room, author, clientId) and marks the room active. */
export async function createMessage(db: TDbClient, options: CreateMessageOptions): Promise<CreatedMessage> {
  const { roomId, authorId, clientId, body } = options;
  const now = new Date();
  try {
    const [row] = await db.$transaction([
      db.message.create({ data: { roomId, authorId, clientId, body, createdAt: now }, select: MESSAGE_SELECT }),
      db.room.update({ where: { id: roomId }, data: { lastActivityAt: now }, select: { id: true } }),
    ]);
    return { message: toChatMessage(row), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await db.message.findUniqueOrThrow({
      where: { roomId_authorId_clientId: { roomId, authorId, clientId } },
      select: MESSAGE_SELECT,
    });
    return { message: toChatMessage(stored), created: false };
  }
}
