/** What the outbox keeps of a message across reloads: `error` set means the server refused it. */
export interface TStoredOutboxMessage {
  clientId: string;
  body: string;
  /** ISO 8601, the browser's clock when the message was typed. */
  typedAt: string;
  error?: string;
}

/** The part of the Web Storage API the outbox uses; localStorage in the browser. */
export type TOutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function outboxStorageKey(userId: string, roomId: string): string {
  return `duet:outbox:v1:${userId}:${roomId}`;
}

/**
 * localStorage, or null where it can't be used: server rendering, or a browser that blocks it
 * (some private modes and cookie settings throw on mere access).
 */
export function browserStorage(): TOutboxStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * One room's unsent messages in storage. Every failure (no storage, quota exceeded, corrupt
 * data) degrades to "not persisted": the outbox's own list stays the truth and keeps working.
 */
export class OutboxStore {
  /** False once storage refused a read or write: messages survive only in this page. */
  persistent: boolean;

  constructor(
    private readonly storage: TOutboxStorage | null,
    private readonly key: string,
  ) {
    this.persistent = storage !== null;
  }

  load(): TStoredOutboxMessage[] {
    try {
      return this.read();
    } catch {
      // Unreadable or corrupt: start empty rather than not at all.
      return [];
    }
  }

  /**
   * Saves this page's messages after `change`, keeping what another tab of the same user added
   * meanwhile: storage holds the union, in typed order. A message both hold is at worst sent
   * twice, which its client id makes harmless; overwriting could lose one.
   */
  save(mine: readonly TStoredOutboxMessage[], change: (messages: TStoredOutboxMessage[]) => TStoredOutboxMessage[]): void {
    if (!this.storage) return;
    try {
      const known = new Set(mine.map((m) => m.clientId));
      const theirs = this.load().filter((m) => !known.has(m.clientId));
      const messages = change([...mine, ...theirs].sort((a, b) => (a.typedAt < b.typedAt ? -1 : a.typedAt > b.typedAt ? 1 : 0)));
      if (messages.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(messages));
      this.persistent = true;
    } catch {
      // Full or blocked: keep going in memory; the next save tries again.
      this.persistent = false;
    }
  }

  private read(): TStoredOutboxMessage[] {
    const parsed: unknown = JSON.parse(this.storage?.getItem(this.key) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isStoredMessage) : [];
  }
}

function isStoredMessage(value: unknown): value is TStoredOutboxMessage {
  if (typeof value !== "object" || value === null) return false;
  const { clientId, body, typedAt, error } = value as Record<string, unknown>;
  return (
    typeof clientId === "string" && typeof body === "string" && typeof typedAt === "string" && (error === undefined || typeof error === "string")
  );
}
