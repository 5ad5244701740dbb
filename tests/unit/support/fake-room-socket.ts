import type { TOutboxSocket } from "@/lib/client/chat/outbox-types";
import type { TAck } from "@/lib/shared/ack";
import type { TChatMessage } from "@/lib/shared/message";

export interface FakeSend {
  payload: { clientId: string; body: string };
  timeoutMs: number;
  answered: boolean;
  reply(error: Error | null, ack?: TAck<TChatMessage>): void;
}

/**
 * A stand-in for the room socket: records `chat:send` emits for the test to answer, and
 * drops and reconnects the way socket.io-client does (on a drop, `disconnect` fires, then
 * every unanswered ack is called with an error).
 */
export class FakeRoomSocket implements TOutboxSocket {
  connected: boolean;
  readonly sends: FakeSend[] = [];
  private readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();

  constructor({ connected = true } = {}) {
    this.connected = connected;
  }

  on(event: string, listener: (...args: never[]) => void): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (...args: unknown[]) => void);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: (...args: never[]) => void): this {
    this.listeners.get(event)?.delete(listener as (...args: unknown[]) => void);
    return this;
  }

  timeout(timeoutMs: number) {
    return {
      emit: (_event: "chat:send", payload: FakeSend["payload"], callback: (error: Error | null, ack: TAck<TChatMessage>) => void) => {
        const send: FakeSend = {
          payload,
          timeoutMs,
          answered: false,
          reply: (error, ack) => {
            send.answered = true;
            callback(error, ack as TAck<TChatMessage>);
          },
        };
        this.sends.push(send);
      },
    };
  }

  /** Sends not yet answered. */
  get waiting(): FakeSend[] {
    return this.sends.filter((send) => !send.answered);
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  drop(): void {
    this.connected = false;
    this.fire("disconnect", "transport close");
    for (const send of this.waiting) send.reply(new Error("socket has been disconnected"));
  }

  reconnect(): void {
    this.connected = true;
    this.fire("connect");
  }
}

export function storedMessage(
  payload: FakeSend["payload"],
  author = { id: "me", name: "Ada" },
  createdAt = "2026-11-24T10:00:00.000Z",
): TChatMessage {
  return { id: `m-${payload.clientId}`, roomId: "room", clientId: payload.clientId, body: payload.body, createdAt, author };
}

/** Web Storage in a Map: what a browser's localStorage keeps across a reload. */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
