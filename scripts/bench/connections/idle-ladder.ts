/**
 * Child process, run as plain node (see plain-node.ts): where an idle Duet's memory goes, one
 * layer at a time. It loads what `node dist/server.js` loads — the compiled graph from
 * `npm run build`, as production runs it — in steps, measuring (forced GC) after each, so each
 * step's difference is that layer's cost given the ones before it. Started with the environment
 * a production Duet has.
 */
import { createServer, type RequestListener } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serveRequests } from "./child";
import { measureMemory, type TMemoryFigures } from "./memory-probe";
import { PUBLIC_PATHS } from "./options";

export interface TLadderStep {
  step: string;
  figures: TMemoryFigures;
}

// The bench starts this in the project root. A module of dist/, typed by its source.
const requireFromDist = createRequire(path.join(process.cwd(), "dist/"));
const fromDist = <T>(source: string) => requireFromDist(`./${source}`) as T;

async function listen(handler?: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function climb(): Promise<TLadderStep[]> {
  const steps: TLadderStep[] = [];
  const measure = async (step: string) => void steps.push({ step, figures: await measureMemory() });
  await measure("node");

  const { Server } = await import("socket.io");
  const bare = await listen();
  new Server(bare.server).of(/^\/rooms\/.+$/);
  await measure("+ Socket.IO server");

  const { env } = fromDist<typeof import("../../../lib/server/env")>("lib/server/env");
  await measure("+ env (zod)");
  const { logger } = fromDist<typeof import("../../../lib/server/logger-instance")>("lib/server/logger-instance");
  await measure("+ logger (pino)");
  const { db } = fromDist<typeof import("../../../lib/server/db")>("lib/server/db");
  await measure("+ database client (Prisma runtime, the provider's client and adapter)");
  await db.authSession.findUnique({ where: { id: "none" }, select: { userId: true } });
  await measure("+ first database query (Prisma's wasm query compiler)");

  const { getRateLimits } = fromDist<typeof import("../../../lib/server/rate-limits/rate-limits-instance")>(
    "lib/server/rate-limits/rate-limits-instance",
  );
  const rateLimits = getRateLimits();
  await measure("+ rate limits");
  fromDist("lib/server/auth/session-cookie");
  await measure("+ session cookie (next-auth/jwt, jose)");
  const { createRealtimeServer } = fromDist<typeof import("../../../lib/server/realtime/create-realtime-server")>(
    "lib/server/realtime/create-realtime-server",
  );
  const realtime = await listen();
  createRealtimeServer(realtime.server, { db, logger, authSecret: env.AUTH_SECRET, siteUrl: env.SITE_URL, rateLimits });
  await measure("+ realtime server (contract, handlers, call keeper)");

  const { configurePasswordGate } = fromDist<typeof import("../../../lib/server/auth/password")>("lib/server/auth/password");
  configurePasswordGate({ concurrency: env.PASSWORD_HASH_CONCURRENCY, maxQueue: env.PASSWORD_HASH_QUEUE });
  await measure("+ argon2 (loaded)");

  const next = (await import("next")).default;
  const app = next({ dev: false, hostname: "127.0.0.1", port: 0 });
  await app.prepare();
  await measure("+ Next.js prepared (route entries preloaded)");

  const handle = app.getRequestHandler();
  const pages = await listen((req, res) => void handle(req, res));
  for (const page of PUBLIC_PATHS) await fetch(`${pages.url}${page}`).then((response) => response.arrayBuffer());
  await measure("+ one request to each public page");
  return steps;
}

serveRequests({ climb });
