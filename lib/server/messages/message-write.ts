import { randomUUID } from "node:crypto";
import type { TChatMessage } from "@/lib/shared/message";
import type { TPublicUser } from "@/lib/shared/user";

export interface CreateMessageOptions {
  roomId: string;
  /**
   * The signed-in sender, as their connection knows them. A name never changes after sign-up
   * and a deleted account's connections are closed, so the stored message's author reads the
   * same: the batch need not look authors up.
   */
  author: TPublicUser;
  clientId: string;
  /** Already validated and trimmed by ZMessageBody. */
  body: string;
}

/** A message on its way to the database: its id, and the server time that orders it in its room. */
export interface MessageWrite extends CreateMessageOptions {
  id: string;
  createdAt: Date;
}

export interface CreatedMessage {
  message: TChatMessage;
  /** False when this clientId was stored before: a retry, answered with the first copy. */
  created: boolean;
}

/** What became of one write of a batch; a batch never fails as a whole. */
export type TWriteOutcome = { ok: true; value: CreatedMessage } | { ok: false; error: unknown };

/**
 * Chosen before the insert, so one statement stores a whole batch. The time comes first (base-36
 * milliseconds, 9 characters), then 60 random bits: unique across nodes, and a new id lands at
 * the end of the primary-key index rather than anywhere in it, as Prisma's cuid() did.
 * randomUUID draws from a cached pool; randomBytes would make a system call per id.
 */
export function newMessageId(createdAt: Date): string {
  return createdAt.getTime().toString(36).padStart(9, "0") + randomUUID().replaceAll("-", "").slice(0, 16);
}

/** A message's idempotency key: the unique (roomId, authorId, clientId). */
export function messageKey({ roomId, author, clientId }: { roomId: string; author: Pick<TPublicUser, "id">; clientId: string }): string {
  return JSON.stringify([roomId, author.id, clientId]);
}
