import type { TChatMessage } from "@/lib/shared/message";
import type { TOutboxEntry } from "./chat/outbox-types";

/** A message as the reader sees it: stored, or still in this browser's outbox. */
export type TChatEntry = ({ status: "sent" } & TChatMessage) | TOutboxEntry;

export function entryKey(entry: TChatEntry): string {
  return entry.status === "sent" ? entry.id : `local:${entry.clientId}`;
}

function byServerOrder(a: TChatMessage, b: TChatMessage): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Merges stored messages into the list: each stored message once (by id), replacing its
 * local unsent copy (by author and clientId), in server order; unsent ones stay last.
 */
export function mergeMessages(entries: readonly TChatEntry[], incoming: readonly TChatMessage[]): TChatEntry[] {
  const stored = new Map<string, TChatMessage>();
  for (const entry of entries) if (entry.status === "sent") stored.set(entry.id, entry);
  for (const message of incoming) stored.set(message.id, message);
  const storedClientIds = new Set([...stored.values()].map((m) => `${m.author.id}:${m.clientId}`));
  const unsent = entries.filter((entry) => entry.status !== "sent" && !storedClientIds.has(`${entry.author.id}:${entry.clientId}`));
  const sent: TChatEntry[] = [...stored.values()].sort(byServerOrder).map((m) => ({ ...m, status: "sent" as const }));
  return [...sent, ...unsent];
}
