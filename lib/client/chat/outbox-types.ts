import type { TAck } from "@/lib/shared/ack";
import type { TChatMessage } from "@/lib/shared/message";
import type { TPublicUser } from "@/lib/shared/user";
import type { TOutboxStorage, TStoredOutboxMessage } from "./outbox-storage";

export type TSendAck = (error: Error | null, ack: TAck<TChatMessage>) => void;

/** The part of the room socket the outbox uses: `TRoomSocket` is one, a test's fake another. */
export interface TOutboxSocket {
  readonly connected: boolean;
  on(event: "connect" | "disconnect", listener: () => void): unknown;
  off(event: "connect" | "disconnect", listener: () => void): unknown;
  timeout(ms: number): { emit(event: "chat:send", payload: { clientId: string; body: string }, ack: TSendAck): unknown };
}

/** queued: waits for the socket; pending: being sent (or next in line); failed: the server refused it. */
export type TOutboxStatus = "queued" | "pending" | "failed";

export interface TOutboxEntry extends TStoredOutboxMessage {
  status: TOutboxStatus;
  author: TPublicUser;
}

export interface TOutboxSnapshot {
  /** Unsent messages, in the order they were typed. */
  entries: readonly TOutboxEntry[];
  online: boolean;
  /** False while the browser refuses storage: these messages would not survive a reload. */
  persistent: boolean;
}

export interface ChatOutboxOptions {
  socket: TOutboxSocket;
  roomId: string;
  user: TPublicUser;
  /** Defaults to localStorage; null keeps the outbox in memory only. */
  storage?: TOutboxStorage | null;
  ackTimeoutMs?: number;
}
