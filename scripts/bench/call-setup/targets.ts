import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Browser, BrowserContextOptions } from "playwright-core";
import { startDuet, stopProcess } from "../../../tests/e2e/support/duet-process";
import { connectToRoom } from "../../../tests/e2e/support/room-socket";
import { freePort } from "../../../tests/e2e/support/free-port";
import { roomApiPath, turnCredentialsPath } from "../../../lib/shared/paths";
import { createRoom, signedUpStorageState } from "../pages/duet-account";
import { waitForHttp } from "../pages/wait-for-http";
import { closeAll, joinAlone, loadReadyToJoin, openPerson, type CallRoom } from "./call-pages";

export interface CallSetupTarget {
  name: string;
  /** A fresh room: both people's pages loaded and ready, the first already waiting in the call. */
  openRoom(): Promise<CallRoom>;
  stop(): Promise<void>;
}

async function roomOf(first: Awaited<ReturnType<typeof openPerson>>, second: Awaited<ReturnType<typeof openPerson>>, url: string): Promise<CallRoom> {
  try {
    await loadReadyToJoin(first.page, url);
    await loadReadyToJoin(second.page, url);
    await joinAlone(first.page);
  } catch (error) {
    await closeAll([first, second]);
    throw error;
  }
  return { first: first.page, second: second.page, close: () => closeAll([first, second]) };
}

/** The Cookie header of a storage state, as a script of that person's would send it. */
function cookieHeader(state: Exclude<BrowserContextOptions["storageState"], string | undefined>): string {
  return state.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}

/** A room in use has a conversation: its page renders it, and keeps it rendered through the call's start. */
async function seedChat(baseUrl: string, roomId: string, cookie: string, messages: number): Promise<void> {
  const socket = await connectToRoom(baseUrl, roomId, cookie);
  try {
    for (let i = 0; i < messages; i++) {
      const ack = (await socket.emitWithAck("chat:send", {
        clientId: randomUUID(),
        body: `Message ${i + 1} of the last conversation, about the agenda.`,
      })) as { ok: boolean };
      if (!ack.ok) throw new Error(`seeding the chat failed: ${JSON.stringify(ack)}`);
    }
  } finally {
    socket.disconnect();
  }
}

/**
 * Duet as operators run it (the built server, on its own database), with two people signed
 * up; each room is new, with `chatMessages` of conversation, its owner joins first and the
 * guest second. Limits that a person joining 60 calls in a few minutes would trip are lifted.
 */
export async function duetTarget(browser: Browser, chatMessages: number): Promise<CallSetupTarget & { iceServers: unknown }> {
  const duet = await startDuet({
    port: await freePort(),
    env: {
      RATE_LIMIT_TURN: "100000/10m",
      RATE_LIMIT_ROOM_CREATE: "100000/1h",
      RATE_LIMIT_ROOM_JOIN: "100000/1h",
      RATE_LIMIT_CHAT: "100000/10s",
      RATE_LIMIT_CHAT_BURST: "off",
    },
  });
  const ada = (await signedUpStorageState(browser, duet.url, "Ada")) as Exclude<BrowserContextOptions["storageState"], string | undefined>;
  const ben = await signedUpStorageState(browser, duet.url, "Ben");
  const probe = await browser.newContext({ baseURL: duet.url, storageState: ada });
  // Relay credentials are for members of a room: the bare page uses the same ones.
  const probeRoom = await createRoom(probe.request, "ICE servers");
  const { iceServers } = (await (await probe.request.get(turnCredentialsPath(probeRoom))).json()) as { iceServers: unknown };
  await probe.close();
  return {
    name: "Duet",
    iceServers,
    async openRoom() {
      const owner = await openPerson(browser, { baseURL: duet.url, storageState: ada });
      const guest = await openPerson(browser, { baseURL: duet.url, storageState: ben });
      const roomId = await createRoom(owner.context.request, "Call setup");
      // The guest takes the seat first: opening a link no longer claims it, and the bench
      // times the call, not the "Join this room" step.
      const seat = await guest.context.request.put(roomApiPath(roomId, "membership"));
      if (!seat.ok()) throw new Error(`the guest could not join the room: ${seat.status()} ${await seat.text()}`);
      if (chatMessages > 0) await seedChat(duet.url, roomId, cookieHeader(ada), chatMessages);
      return roomOf(owner, guest, `${duet.url}/rooms/${roomId}`);
    },
    stop: () => duet.stop(),
  };
}

/** The bare page and relay (bare-page.html, bare-relay.ts) in a process of their own. */
export async function bareTarget(browser: Browser, iceServers: unknown): Promise<CallSetupTarget> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "bare-relay.ts")], {
    env: { ...process.env, PORT: String(port), ICE_SERVERS: JSON.stringify(iceServers) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // localhost, as Duet's address is, so both resolve and connect alike.
  const url = `http://localhost:${port}`;
  await waitForHttp(`${url}/`, child);
  return {
    name: "bare",
    async openRoom() {
      return roomOf(await openPerson(browser), await openPerson(browser), `${url}/?room=${randomUUID()}`);
    },
    stop: () => stopProcess(child),
  };
}
