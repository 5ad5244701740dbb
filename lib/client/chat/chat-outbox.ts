import type { TAck } from "@/lib/shared/ack";
import type { TAppErrorBody } from "@/lib/shared/errors";
import type { TChatMessage } from "@/lib/shared/message";
import { fitsInOneFrame, tooLargeToSend } from "@/lib/shared/payload-size";
import type { TPublicUser } from "@/lib/shared/user";
import { newClientId } from "../new-client-id";
import { OutboxStore, browserStorage, outboxStorageKey, type TStoredOutboxMessage } from "./outbox-storage";
import type { ChatOutboxOptions, TOutboxEntry, TOutboxSnapshot, TOutboxSocket } from "./outbox-types";

export type { ChatOutboxOptions, TOutboxEntry, TOutboxSnapshot, TOutboxSocket, TOutboxStatus } from "./outbox-types";

export const ACK_TIMEOUT_MS = 10_000;
/** Waits before re-sending after an unanswered send while still connected; the last one repeats. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/**
 * One user's unsent chat messages in one room. Owns them from the moment they are typed until
 * the server has stored them: persists them, sends them one at a time in typed order whenever
 * the socket is connected (on every reconnect, and on construction after a reload), and
 * re-sends unanswered ones; the client id makes a repeat harmless, since the server answers
 * it with the copy it stored first. Only a refusal from the server (ok: false) stops a
 * message, which then waits for `retry` or `discard` while the ones after it go on.
 */
export class ChatOutbox {
  private messages: TStoredOutboxMessage[];
  private readonly store: OutboxStore;
  private readonly socket: TOutboxSocket;
  private readonly user: TPublicUser;
  private readonly ackTimeoutMs: number;
  /** The one send awaiting its ack; `attempt` tells its answer from a stale one's. */
  private inFlight: { clientId: string; attempt: number } | null = null;
  private attempts = 0;
  private unanswered = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private snapshot: TOutboxSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly storedListeners = new Set<(message: TChatMessage) => void>();

  constructor({ socket, roomId, user, storage, ackTimeoutMs = ACK_TIMEOUT_MS }: ChatOutboxOptions) {
    this.socket = socket;
    this.user = user;
    this.ackTimeoutMs = ackTimeoutMs;
    this.store = new OutboxStore(storage === undefined ? browserStorage() : storage, outboxStorageKey(user.id, roomId));
    this.messages = dedupe(this.store.load());
    this.snapshot = this.buildSnapshot();
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    this.pump();
  }

  /** Queues a message (already validated by the composer); returns its client id. */
  send(body: string): string {
    const clientId = newClientId();
    const message = { clientId, body, typedAt: new Date().toISOString() };
    this.edit((messages) => [...messages, message]);
    return clientId;
  }

  /** Puts a refused message back in the queue. */
  retry(clientId: string): void {
    if (!this.messages.some((m) => m.clientId === clientId && m.error !== undefined)) return;
    this.edit((messages) => messages.map((m) => (m.clientId === clientId ? { clientId, body: m.body, typedAt: m.typedAt } : m)));
  }

  /** Drops a refused message for good. */
  discard(clientId: string): void {
    if (!this.messages.some((m) => m.clientId === clientId && m.error !== undefined)) return;
    this.edit((messages) => messages.filter((m) => m.clientId !== clientId));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TOutboxSnapshot => this.snapshot;

  /** Called with each message the server has stored, to show it in the chat. */
  onStored(listener: (message: TChatMessage) => void): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  /** Stops listening and sending; what is unsent stays in storage for the next outbox. */
  dispose(): void {
    this.disposed = true;
    this.clearRetryTimer();
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.listeners.clear();
    this.storedListeners.clear();
  }

  private onConnect = (): void => {
    this.clearRetryTimer();
    this.unanswered = 0;
    this.publish();
    this.pump();
  };

  private onDisconnect = (): void => {
    // The ack of the send in flight may never come; it goes again after the reconnect.
    this.inFlight = null;
    this.clearRetryTimer();
    this.publish();
  };

  /** Sends the first message not refused, if the socket is up and nothing is in flight. */
  private pump(): void {
    if (this.disposed || this.inFlight || this.retryTimer || !this.socket.connected) return;
    const next = this.messages.find((m) => m.error === undefined);
    if (!next) return;
    const payload = { clientId: next.clientId, body: next.body };
    if (!fitsInOneFrame("chat:send", payload)) {
      // Sent, it would close the connection and never be answered (a stored message from an
      // older version, or one the composer did not check): refuse it here, as the server would.
      const refusal = tooLargeToSend("This message", "chat:send", payload);
      this.edit((messages) => messages.map((m) => (m.clientId === next.clientId ? { ...m, error: refusal } : m)));
      return;
    }
    const attempt = ++this.attempts;
    this.inFlight = { clientId: next.clientId, attempt };
    this.publish();
    this.socket.timeout(this.ackTimeoutMs).emit("chat:send", payload, (error, ack) => this.settle(attempt, next.clientId, error, ack));
  }

  private settle(attempt: number, clientId: string, error: Error | null, ack: TAck<TChatMessage> | undefined): void {
    if (this.disposed) return;
    const current = this.inFlight?.attempt === attempt;
    if (!error && ack?.ok) {
      // Stored, even if this answer comes late: it no longer needs sending.
      if (current) this.inFlight = null;
      this.unanswered = 0;
      for (const listener of this.storedListeners) listener(ack.data);
      this.edit((messages) => messages.filter((m) => m.clientId !== clientId));
      return;
    }
    if (!current) return;
    this.inFlight = null;
    const refusal = !error && ack && !ack.ok ? ack.error : null;
    // No answer (timeout, or the socket dropped) is never a refusal: the message goes again.
    if (!refusal || isTransient(refusal)) {
      this.scheduleRetry();
      return;
    }
    this.edit((messages) => messages.map((m) => (m.clientId === clientId ? { ...m, error: refusal.message } : m)));
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.unanswered, RETRY_DELAYS_MS.length - 1)]!;
    this.unanswered += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
    this.publish();
  }

  private clearRetryTimer(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Changes the message list: persists it, tells subscribers, and sends what can be sent. */
  private edit(change: (messages: TStoredOutboxMessage[]) => TStoredOutboxMessage[]): void {
    this.store.save(this.messages, change);
    this.messages = change(this.messages);
    this.publish();
    this.pump();
  }

  private publish(): void {
    if (this.disposed) return;
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): TOutboxSnapshot {
    const online = this.socket.connected;
    const entries = this.messages.map((m): TOutboxEntry => {
      const status = m.error !== undefined ? "failed" : online ? "pending" : "queued";
      return { ...m, status, author: this.user };
    });
    return { entries, online, persistent: this.store.persistent };
  }
}

/** The server could not answer this time (e.g. another node was unreachable): not a refusal. */
function isTransient(error: TAppErrorBody): boolean {
  return error.code === "UNAVAILABLE";
}

function dedupe(messages: TStoredOutboxMessage[]): TStoredOutboxMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(m.clientId) && seen.add(m.clientId));
}
