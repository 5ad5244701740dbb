import { ChatOutbox, RETRY_DELAYS_MS } from "@/lib/client/chat/chat-outbox";
import { outboxStorageKey, type TOutboxStorage } from "@/lib/client/chat/outbox-storage";
import type { TChatMessage } from "@/lib/shared/message";
import { FakeRoomSocket, memoryStorage, storedMessage } from "../support/fake-room-socket";

const me = { id: "me", name: "Ada" };
const KEY = outboxStorageKey("me", "room");

function openOutbox(socket: FakeRoomSocket, storage: TOutboxStorage | null = memoryStorage()) {
  const outbox = new ChatOutbox({ socket, roomId: "room", user: me, storage });
  const stored: TChatMessage[] = [];
  outbox.onStored((message) => stored.push(message));
  return { outbox, stored, storage };
}

const bodies = (outbox: ChatOutbox) => outbox.getSnapshot().entries.map((entry) => `${entry.status}:${entry.body}`);

function acceptNext(socket: FakeRoomSocket) {
  const [send] = socket.waiting;
  if (!send) throw new Error("nothing is being sent");
  send.reply(null, { ok: true, data: storedMessage(send.payload) });
}

afterEach(() => jest.useRealTimers());

describe("the chat outbox", () => {
  it("sends one message at a time, in the order typed, and hands each stored message on", () => {
    const socket = new FakeRoomSocket();
    const { outbox, stored, storage } = openOutbox(socket);
    outbox.send("one");
    outbox.send("two");
    outbox.send("three");
    expect(socket.sends.map((send) => send.payload.body)).toEqual(["one"]);
    expect(bodies(outbox)).toEqual(["pending:one", "pending:two", "pending:three"]);

    acceptNext(socket);
    expect(socket.sends.map((send) => send.payload.body)).toEqual(["one", "two"]);
    acceptNext(socket);
    acceptNext(socket);
    expect(stored.map((message) => message.body)).toEqual(["one", "two", "three"]);
    expect(outbox.getSnapshot().entries).toEqual([]);
    expect(storage?.getItem(KEY)).toBeNull();
  });

  it("holds messages typed while offline as queued and sends them when the socket connects", () => {
    const socket = new FakeRoomSocket({ connected: false });
    const { outbox } = openOutbox(socket);
    outbox.send("while away");
    expect(socket.sends).toHaveLength(0);
    expect(bodies(outbox)).toEqual(["queued:while away"]);
    expect(outbox.getSnapshot().online).toBe(false);

    socket.reconnect();
    expect(socket.sends.map((send) => send.payload.body)).toEqual(["while away"]);
    expect(bodies(outbox)).toEqual(["pending:while away"]);
  });

  it("survives a reload: a new outbox sends what the last one left in storage, with the same client ids", () => {
    const storage = memoryStorage();
    const before = openOutbox(new FakeRoomSocket({ connected: false }), storage);
    const firstId = before.outbox.send("first");
    before.outbox.send("second");
    before.outbox.dispose();

    const socket = new FakeRoomSocket();
    const after = openOutbox(socket, storage);
    expect(bodies(after.outbox)).toEqual(["pending:first", "pending:second"]);
    expect(socket.sends.map((send) => send.payload)).toEqual([{ clientId: firstId, body: "first" }]);
    acceptNext(socket);
    acceptNext(socket);
    expect(after.stored.map((message) => message.body)).toEqual(["first", "second"]);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("keeps an unanswered message queued, re-sends it after a backoff, and again on the next connect", () => {
    jest.useFakeTimers();
    const socket = new FakeRoomSocket();
    const { outbox, stored } = openOutbox(socket);
    outbox.send("hello?");
    outbox.send("after");
    socket.waiting[0]!.reply(new Error("operation has timed out"));
    expect(bodies(outbox)).toEqual(["pending:hello?", "pending:after"]);
    expect(socket.sends).toHaveLength(1);

    jest.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(socket.sends.map((send) => send.payload.body)).toEqual(["hello?", "hello?"]);
    expect(socket.sends[1]!.payload.clientId).toBe(socket.sends[0]!.payload.clientId);

    socket.drop();
    expect(bodies(outbox)).toEqual(["queued:hello?", "queued:after"]);
    jest.advanceTimersByTime(60_000);
    expect(socket.sends).toHaveLength(2);

    socket.reconnect();
    expect(socket.sends.map((send) => send.payload.body)).toEqual(["hello?", "hello?", "hello?"]);
    acceptNext(socket);
    acceptNext(socket);
    expect(stored.map((message) => message.body)).toEqual(["hello?", "after"]);
  });

  it("never overwrites what another tab of the same person left in storage", () => {
    const storage = memoryStorage();
    const socket = new FakeRoomSocket();
    const { outbox } = openOutbox(socket, storage);
    // Another tab (say, one this room was replaced in) queues a message after this one loaded.
    const other = openOutbox(new FakeRoomSocket({ connected: false }), storage);
    other.outbox.send("from the other tab");
    outbox.send("from this tab");
    acceptNext(socket);

    const reloaded = openOutbox(new FakeRoomSocket({ connected: false }), storage);
    expect(bodies(reloaded.outbox)).toEqual(["queued:from the other tab"]);
  });

  it("marks a refused message failed with the server's reason, keeps it stored, and sends the next", () => {
    const socket = new FakeRoomSocket();
    const { outbox, storage } = openOutbox(socket);
    outbox.send("refused");
    outbox.send("next");
    socket.waiting[0]!.reply(null, { ok: false, error: { code: "RATE_LIMITED", message: "Slow down" } });

    expect(outbox.getSnapshot().entries[0]).toMatchObject({ status: "failed", body: "refused", error: "Slow down" });
    expect(socket.waiting.map((send) => send.payload.body)).toEqual(["next"]);
    acceptNext(socket);

    // A reload shows it failed again, and does not send it by itself.
    const reloadedSocket = new FakeRoomSocket();
    const reloaded = openOutbox(reloadedSocket, storage);
    expect(bodies(reloaded.outbox)).toEqual(["failed:refused"]);
    expect(reloadedSocket.sends).toHaveLength(0);
  });

  it("retries a refused message with the same client id, or discards it for good", () => {
    const socket = new FakeRoomSocket();
    const { outbox, stored, storage } = openOutbox(socket);
    const retriedId = outbox.send("try again");
    outbox.send("give up");
    socket.waiting[0]!.reply(null, { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server" } });
    socket.waiting[0]!.reply(null, { ok: false, error: { code: "VALIDATION", message: "Write a message" } });
    expect(bodies(outbox)).toEqual(["failed:try again", "failed:give up"]);

    outbox.retry(retriedId);
    expect(socket.waiting[0]!.payload).toEqual({ clientId: retriedId, body: "try again" });
    acceptNext(socket);
    expect(stored.map((message) => message.clientId)).toEqual([retriedId]);

    outbox.discard(outbox.getSnapshot().entries[0]!.clientId);
    expect(outbox.getSnapshot().entries).toEqual([]);
    expect(storage?.getItem(KEY)).toBeNull();
  });

  it("waits out an UNAVAILABLE answer instead of failing the message", () => {
    jest.useFakeTimers();
    const socket = new FakeRoomSocket();
    const { outbox } = openOutbox(socket);
    outbox.send("busy server");
    socket.waiting[0]!.reply(null, { ok: false, error: { code: "UNAVAILABLE", message: "Another Duet server did not answer; try again" } });
    expect(bodies(outbox)).toEqual(["pending:busy server"]);
    jest.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(socket.waiting).toHaveLength(1);
  });

  it.each([
    ["unavailable", null],
    [
      "blocked",
      {
        getItem: () => {
          throw new Error("SecurityError");
        },
        setItem: () => {
          throw new Error("SecurityError");
        },
        removeItem: () => {},
      },
    ],
    [
      "full",
      {
        getItem: () => null,
        setItem: () => {
          throw new DOMException("quota", "QuotaExceededError");
        },
        removeItem: () => {},
      },
    ],
  ])("keeps working in memory when storage is %s", (_name, storage) => {
    const socket = new FakeRoomSocket({ connected: false });
    const { outbox, stored } = openOutbox(socket, storage);
    outbox.send("kept in memory");
    expect(bodies(outbox)).toEqual(["queued:kept in memory"]);
    expect(outbox.getSnapshot().persistent).toBe(false);
    socket.reconnect();
    acceptNext(socket);
    expect(stored.map((message) => message.body)).toEqual(["kept in memory"]);
  });

  it("starts empty when storage holds something unreadable", () => {
    const storage = memoryStorage();
    storage.setItem(KEY, "{not json");
    const { outbox } = openOutbox(new FakeRoomSocket(), storage);
    expect(outbox.getSnapshot().entries).toEqual([]);
    storage.setItem(KEY, JSON.stringify([{ clientId: "c", body: "ok", typedAt: "2026-01-01T00:00:00Z" }, { body: 3 }]));
    expect(bodies(openOutbox(new FakeRoomSocket({ connected: false }), storage).outbox)).toEqual(["queued:ok"]);
  });

  it("sends each message once however often the socket reports connect, and ignores a stale answer", () => {
    const socket = new FakeRoomSocket();
    const { outbox, stored } = openOutbox(socket);
    outbox.send("once");
    socket.reconnect();
    socket.reconnect();
    expect(socket.sends).toHaveLength(1);

    // Dropped mid-send: the send is answered with an error, then goes again after the reconnect.
    const first = socket.sends[0]!;
    socket.drop();
    socket.reconnect();
    socket.reconnect();
    expect(socket.sends).toHaveLength(2);
    first.reply(new Error("operation has timed out"));
    expect(socket.waiting).toHaveLength(1);
    acceptNext(socket);
    socket.reconnect();
    expect(socket.sends).toHaveLength(2);
    expect(stored.map((message) => message.body)).toEqual(["once"]);
  });

  it("stops sending and tells nobody after it is disposed", () => {
    const socket = new FakeRoomSocket({ connected: false });
    const { outbox, stored } = openOutbox(socket);
    const listener = jest.fn();
    outbox.subscribe(listener);
    outbox.send("left behind");
    listener.mockClear();
    outbox.dispose();
    socket.reconnect();
    expect(socket.sends).toHaveLength(0);
    expect(listener).not.toHaveBeenCalled();
    expect(stored).toEqual([]);
  });
});
