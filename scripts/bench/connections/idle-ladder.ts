/**
 * Child process: where an idle Duet's memory goes, one layer at a time. It loads what server.ts
 * loads in steps, measuring (forced GC) after each, so each step's difference is that layer's
 * cost given the ones before it. Started with the environment a production Duet has.
 */
import { createServer, type RequestListener } from "node:http";
import Module, { findSourceMap } from "node:module";
import type { AddressInfo } from "node:net";
import { serveRequests } from "./child";
import { measureMemory, type TMemoryFigures } from "./memory-probe";
import { PUBLIC_PATHS } from "./options";

export interface TLadderStep {
  step: string;
  figures: TMemoryFigures;
}

async function listen(handler?: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function climb(): Promise<TLadderStep[]> {
  const steps: TLadderStep[] = [];
  const measure = async (step: string) => void steps.push({ step, figures: await measureMemory() });
  await measure("node + tsx loader");

  const { Server } = await import("socket.io");
  const bare = await listen();
  new Server(bare.server).of(/^\/rooms\/.+$/);
  await measure("+ Socket.IO server");

  const { env } = await import("../../../lib/server/env");
  const { db } = await import("../../../lib/server/db");
  const { logger } = await import("../../../lib/server/logger-instance");
  const { getRateLimits } = await import("../../../lib/server/rate-limits/rate-limits-instance");
  const { createRealtimeServer } = await import("../../../lib/server/realtime/create-realtime-server");
  const realtime = await listen();
  const deps = { db, logger, authSecret: env.AUTH_SECRET, siteUrl: env.SITE_URL, rateLimits: getRateLimits() };
  createRealtimeServer(realtime.server, deps);
  await measure("+ Duet realtime (env, auth, contract, limits, pino)");

  await db.authSession.findUnique({ where: { id: "none" }, select: { userId: true } });
  await measure("+ first database query (Prisma)");

  const { configurePasswordGate } = await import("../../../lib/server/auth/password");
  configurePasswordGate({ concurrency: env.PASSWORD_HASH_CONCURRENCY, maxQueue: env.PASSWORD_HASH_QUEUE });
  await import("@node-rs/argon2");
  await measure("+ argon2 (loaded)");

  const next = (await import("next")).default;
  const app = next({ dev: false, hostname: "127.0.0.1", port: 0 });
  await app.prepare();
  await measure("+ Next.js prepared (route entries preloaded)");

  const handle = app.getRequestHandler();
  const pages = await listen((req, res) => void handle(req, res));
  for (const path of PUBLIC_PATHS) await fetch(`${pages.url}${path}`).then((response) => response.arrayBuffer());
  await measure("+ one request to each public page");

  // Node decodes a module's map (an array per mapping, kept) the first time a stack trace
  // through it is formatted, e.g. when an error is logged: this is that, for every module.
  for (const file of Object.keys((Module as unknown as { _cache: object })._cache)) findSourceMap(file.split("?")[0]!);
  await measure("+ every source map decoded (as error stacks through them do)");
  return steps;
}

serveRequests({ climb });
