import { expect, test } from "../support/test";
import { randomUUID } from "node:crypto";
import { apiCreateRoom, apiSignUp } from "../support/api-session";
import { connectToRoom } from "../support/room-socket";

const base = () => process.env.DUET_E2E_URL!;

test("a member reads the whole history page by page, newest page first, each page oldest first", async () => {
  const { cookie } = await apiSignUp(base(), "Reviewer");
  const roomId = await apiCreateRoom(base(), cookie, "Long chat");
  const socket = await connectToRoom(base(), roomId, cookie);
  const bodies = Array.from({ length: 60 }, (_, i) => `message ${String(i).padStart(2, "0")}`);
  for (const body of bodies) expect(await socket.emitWithAck("chat:send", { clientId: randomUUID(), body })).toMatchObject({ ok: true });
  socket.disconnect();

  const read: string[][] = [];
  let url = `${base()}/api/rooms/${roomId}/messages`;
  for (;;) {
    const response = await fetch(url, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      messages: Array<{ body: string; author: { name: string }; createdAt: string }>;
      nextCursor: string | null;
    };
    read.unshift(page.messages.map((message) => message.body));
    expect(page.messages.every((message) => message.author.name === "Reviewer" && !Number.isNaN(Date.parse(message.createdAt)))).toBe(true);
    if (!page.nextCursor) break;
    url = `${base()}/api/rooms/${roomId}/messages?before=${encodeURIComponent(page.nextCursor)}`;
  }
  expect(read.map((page) => page.length)).toEqual([10, 50]);
  expect(read.flat()).toEqual(bodies);
});

test("the history API refuses outsiders, strangers and bad queries with clear errors", async () => {
  const owner = await apiSignUp(base(), "Owner");
  const stranger = await apiSignUp(base(), "Stranger");
  const roomId = await apiCreateRoom(base(), owner.cookie, "Private");
  const history = (query = "", cookie?: string) =>
    fetch(`${base()}/api/rooms/${roomId}/messages${query}`, { headers: cookie ? { Cookie: cookie } : {} });

  expect((await history()).status).toBe(401);
  const forbidden = await history("", stranger.cookie);
  expect(forbidden.status).toBe(404);
  const unknown = await fetch(`${base()}/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/messages`, { headers: { Cookie: stranger.cookie } });
  expect(await unknown.json()).toEqual(await forbidden.json());
  const badLimit = await history("?limit=0", owner.cookie);
  expect(badLimit.status).toBe(422);
  expect(await badLimit.json()).toMatchObject({ error: { code: "VALIDATION", fields: { limit: expect.any(String) } } });
  expect((await history("?before=no-such-message", owner.cookie)).status).toBe(422);
});
