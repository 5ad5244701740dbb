/**
 * Idle memory: the bare relay, Duet's realtime server alone, and the whole server.ts (Next.js
 * included) started as it is deployed (`node dist/server.js`, from `npm run build`, plain node
 * with the memory probe preloaded), each just started and again after first use; then the
 * ladder (idle-ladder.ts, plain node too) that says which layer costs what.
 */
import { createServer } from "node:net";
import { roomNamespace } from "../../../lib/shared/paths";
import { waitFor } from "../../../tests/helpers/wait-for";
import { spawnChild, type TChild } from "./child";
import type { TServerCounts } from "./duet-server";
import type { TLadderStep } from "./idle-ladder";
import type { TMemoryFigures } from "./memory-probe";
import { startServer } from "./memory-phase";
import { PUBLIC_PATHS } from "./options";
import { bundleForNode } from "./plain-node";
import { processTree, type TProcessRss } from "./process-tree";
import type { TSeededRoom } from "./seed-bulk";

export interface TIdleFigures {
  /** Just started. */
  idle: TMemoryFigures;
  /** After first use: one room socket (realtime), or a request to each public page (server.ts). */
  used: TMemoryFigures;
}

export interface TIdleResult {
  bare: TMemoryFigures;
  realtime: TIdleFigures;
  serverTs: TIdleFigures & { tree: TProcessRss[] };
  ladder: TLadderStep[];
}

const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";

/** What a production Duet reads (see tests/e2e/support/duet-process.ts), on the bench's database. */
function productionEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const url = `http://127.0.0.1:${port}`;
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: url,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    LOG_LEVEL: "warn",
    STUN_URLS: "",
  };
}

export async function measureIdle(databaseUrl: string, room: TSeededRoom): Promise<TIdleResult> {
  return {
    bare: await bareIdle(),
    realtime: await realtimeIdle(databaseUrl, room),
    serverTs: await serverTsIdle(databaseUrl),
    ladder: await climbLadder(databaseUrl),
  };
}

async function climbLadder(databaseUrl: string): Promise<TLadderStep[]> {
  const ladder = spawnChild(await bundleForNode("idle-ladder.ts"), { env: productionEnv(databaseUrl, 0), plainNode: true });
  return withChild(ladder, (child) => child.request<TLadderStep[]>("climb"));
}

async function withChild<T>(child: TChild, run: (child: TChild) => Promise<T>): Promise<T> {
  try {
    return await run(child);
  } finally {
    await child.stop();
  }
}

function bareIdle(): Promise<TMemoryFigures> {
  return withChild(startServer("bare"), async (server) => {
    await server.request("start");
    return server.request<TMemoryFigures>("memory");
  });
}

function realtimeIdle(databaseUrl: string, room: TSeededRoom): Promise<TIdleFigures> {
  return withChild(startServer("duet"), async (server) => {
    const { url } = await server.request<{ url: string }>("start", { databaseUrl, limits: "off" });
    const idle = await server.request<TMemoryFigures>("memory");
    await withChild(spawnChild("load-client.ts"), async (client) => {
      await client.request("open", { url, targets: [{ namespace: roomNamespace(room.roomId), cookie: room.owner.cookie }], concurrency: 1 });
      await client.request("close");
    });
    await waitFor(async () => (await server.request<TServerCounts>("counts")).connections === 0, "the first socket to close");
    return { idle, used: await server.request<TMemoryFigures>("memory") };
  });
}

async function serverTsIdle(databaseUrl: string): Promise<TIdleResult["serverTs"]> {
  const port = await freePort();
  const probe = await bundleForNode("memory-probe.ts");
  const server = spawnChild("./dist/server.js", {
    env: productionEnv(databaseUrl, port),
    readyWhen: "probe",
    plainNode: true,
    nodeArgs: ["--import", probe],
  });
  return withChild(server, async () => {
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${url}/api/health`).then(
          (response) => response.ok,
          () => false,
        ),
      "dist/server.js to answer /api/health",
      60_000,
    );
    const idle = await server.request<TMemoryFigures>("memory");
    for (const path of PUBLIC_PATHS) await fetch(`${url}${path}`).then((response) => response.arrayBuffer());
    const used = await server.request<TMemoryFigures>("memory");
    return { idle, used, tree: processTree(server.process.pid!) };
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
