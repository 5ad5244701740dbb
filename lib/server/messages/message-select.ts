import { DELETED_ACCOUNT_NAME } from "@/lib/shared/account";
import type { TChatMessage } from "@/lib/shared/message";

export const MESSAGE_SELECT = {
  id: true,
  roomId: true,
  clientId: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true, deletedAt: true } },
} as const;

interface MessageRow {
  id: string;
  roomId: string;
  clientId: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string; deletedAt: Date | null };
}

export function toChatMessage({ author, createdAt, ...row }: MessageRow): TChatMessage {
  // A deleted account's messages stay in the other member's record, under this name.
  const name = author.deletedAt ? DELETED_ACCOUNT_NAME : author.name;
  return { ...row, author: { id: author.id, name }, createdAt: createdAt.toISOString() };
}

/** A room's chat order: server time, then id to break ties. */
export const MESSAGE_ORDER_NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const;
