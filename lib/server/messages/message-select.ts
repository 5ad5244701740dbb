import type { TChatMessage } from "@/lib/shared/message";

export const MESSAGE_SELECT = {
  id: true,
  roomId: true,
  clientId: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

interface MessageRow {
  id: string;
  roomId: string;
  clientId: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string };
}

export function toChatMessage(row: MessageRow): TChatMessage {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** A room's chat order: server time, then id to break ties. */
export const MESSAGE_ORDER_NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const;
