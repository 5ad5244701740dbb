import { catchUp } from "@/lib/client/chat/catch-up";
import type { TChatMessage, THistoryPage } from "@/lib/shared/message";

const PAGE = 50;

/** A room's history of `count` messages ("m0" oldest), paged newest first as the API pages it. */
function roomHistory(count: number) {
  const all: TChatMessage[] = Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    roomId: "room",
    clientId: `c${i}`,
    body: `message ${i}`,
    createdAt: new Date(Date.UTC(2026, 10, 27, 10, 0, i)).toISOString(),
    author: { id: "ben", name: "Ben" },
  }));
  const pagesRead: Array<string | null> = [];
  const load = async (before: string | null): Promise<THistoryPage> => {
    pagesRead.push(before);
    const end = before === null ? all.length : Number(before);
    const start = Math.max(0, end - PAGE);
    return { messages: all.slice(start, end), nextCursor: start > 0 ? String(start) : null };
  };
  return { load, pagesRead };
}

const ids = (messages: TChatMessage[]) => messages.map((message) => message.id);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

describe("catching up after a reconnect", () => {
  it("reads back past a long outage until it meets a message it holds, leaving no gap", async () => {
    const { load, pagesRead } = roomHistory(130);
    const held = new Set(range(0, 20));

    const missed = await catchUp(load, (id) => held.has(id), true);

    expect(pagesRead).toEqual([null, "80", "30"]);
    expect(ids(missed)).toEqual(range(0, 130));
  });

  it("reads only the newest page when this browser holds nothing yet", async () => {
    const { load, pagesRead } = roomHistory(130);
    const missed = await catchUp(load, () => false, false);
    expect(pagesRead).toEqual([null]);
    expect(ids(missed)).toEqual(range(80, 130));
  });

  it("stops at the room's start, and after the most pages it may read", async () => {
    const short = roomHistory(70);
    expect(ids(await catchUp(short.load, (id) => id === "gone", true))).toEqual(range(0, 70));
    const long = roomHistory(1000);
    await catchUp(long.load, () => false, true, 3);
    expect(long.pagesRead).toHaveLength(3);
  });

  it("keeps the pages it read when a later one fails", async () => {
    const { load } = roomHistory(130);
    const failing = (before: string | null) => (before === null ? load(null) : Promise.reject(new Error("offline")));
    expect(ids(await catchUp(failing, () => false, true))).toEqual(range(80, 130));
  });
});
