import type { TDbClient } from "../db/create-db-client";
import type { CreateMessageOptions, CreatedMessage } from "./message-write";
import { messageWriterFor } from "./message-writers";

export type { CreateMessageOptions, CreatedMessage } from "./message-write";

/**
 * Stores a chat message once per (room, author, clientId) and marks the room active. Resolves
 * once it is stored, with the other messages that arrived at the same moment: one INSERT
 * stores them all (message-writer.ts, write-message-batch.ts).
 */
export function createMessage(db: TDbClient, options: CreateMessageOptions): Promise<CreatedMessage> {
  return messageWriterFor(db).write(options);
}
