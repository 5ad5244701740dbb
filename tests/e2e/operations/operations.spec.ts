import { expect, test } from "../support/test";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createDbClient } from "../../../lib/server/db/create-db-client";
import { apiCreateRoom, apiSignUp } from "../support/api-session";
import { SERVER_SCRIPT } from "../../support/production-tree";
import { productionTreeDir, startDuet } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { connectToRoom } from "../support/room-socket";

test("a bad environment value stops start-up with one line naming the variable", () => {
  const result = spawnSync(process.execPath, [SERVER_SCRIPT], {
    cwd: productionTreeDir(),
    env: { ...process.env, NODE_ENV: "production", PORT: "eighty" },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toBe("Duet cannot start: PORT: must be a port number (0–65535)");
});

test("health answers while readiness reports an unreachable Redis with 503", async () => {
  const deadRedis = `redis://127.0.0.1:${await freePort()}`;
  const duet = await startDuet({ port: await freePort(), env: { REDIS_URL: deadRedis } });
  try {
    expect((await fetch(`${duet.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${duet.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, checks: { database: "ok", redis: "failing" } });
  } finally {
    await duet.stop();
  }
});

test("readiness answers 200 when the database is reachable, with a request id on every response", async () => {
  const response = await fetch(`${process.env.DUET_E2E_URL}/api/ready`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ready: true, checks: { database: "ok" } });
  expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("on SIGTERM the server tells its clients, keeps the message being sent, exits within 10 s, and the history survives a restart", async () => {
  const duet = await startDuet({ port: await freePort() });
  const { cookie } = await apiSignUp(duet.url, "Ada");
  const roomId = await apiCreateRoom(duet.url, cookie, "Shutdown");
  const socket = await connectToRoom(duet.url, roomId, cookie);

  const told = new Promise<void>((resolve) => socket.once("server:shutdown", () => resolve()));
  const exited = new Promise<number | null>((resolve) => duet.child.once("exit", (code) => resolve(code)));
  const clientId = randomUUID();
  const ack = socket
    .timeout(10_000)
    .emitWithAck("chat:send", { clientId, body: "sent as the server stops" })
    .catch((error: Error) => ({ ok: false as const, error }));
  const signalledAt = Date.now();
  duet.child.kill("SIGTERM");

  await told;
  const reply = await ack;
  expect(await exited).toBe(0);
  expect(Date.now() - signalledAt).toBeLessThan(10_000);
  socket.disconnect();

  // Whichever came first, the signal or the message: an acknowledged message is stored, and
  // one that was not acknowledged is not half-stored (the sender retries it).
  const db = createDbClient(`file:${path.join(duet.dataDir, "duet.db")}`);
  const stored = await db.message.count({ where: { clientId } });
  await db.$disconnect();
  expect(stored).toBe(reply.ok ? 1 : 0);
  console.log(`[measure] SIGTERM → exit: ${Date.now() - signalledAt} ms; message ${reply.ok ? "acknowledged and stored" : "refused, not stored"}`);

  // Started again on the same database, the room's history is all there.
  const restarted = await startDuet({ port: await freePort(), env: { DATABASE_URL: `file:${path.join(duet.dataDir, "duet.db")}` } });
  try {
    const history = await fetch(`${restarted.url}/api/rooms/${roomId}/messages`, { headers: { Cookie: cookie } });
    expect(history.status).toBe(200);
    const { messages } = (await history.json()) as { messages: Array<{ clientId: string }> };
    expect(messages.map((message) => message.clientId)).toEqual(reply.ok ? [clientId] : []);
  } finally {
    await restarted.stop();
    await duet.stop();
  }
});
