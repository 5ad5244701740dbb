/**
 * Duet's single process: Next.js pages and API routes, and Socket.IO rooms, on one port.
 * Composition only; everything it wires lives in lib/server.
 */
import { createServer } from "node:http";
import next from "next";
import { REALTIME_PATH } from "./lib/shared/realtime-events";
import { db } from "./lib/server/db";
import { env } from "./lib/server/env";
import { installGracefulShutdown } from "./lib/server/graceful-shutdown";
import { configurePasswordGate } from "./lib/server/auth/password";
import { installSessionConnectionCloser } from "./lib/server/auth/session-connections";
import { bodyRefusal, refuseBeforeContinue } from "./lib/server/http/body-limit";
import { stampClientIp } from "./lib/server/http/client-ip";
import { malformedPathRefusal } from "./lib/server/http/malformed-path";
import { createRequestLogger } from "./lib/server/http/request-logger";
import { sendRefusal } from "./lib/server/http/send-refusal";
import { createSecurityHeaders, sendSecurityHeaders } from "./lib/server/http/send-security-headers";
import { logger } from "./lib/server/logger-instance";
import { createRealtimeServer } from "./lib/server/realtime/create-realtime-server";
import { createRoomsRedisAdapter } from "./lib/server/realtime/redis-rooms-adapter";
import { installRoomEventPublisher } from "./lib/server/rooms/room-events";
import { getRateLimits } from "./lib/server/rate-limits/rate-limits-instance";
import { closeRedisClient, getRedisClient, getRedisSubscriber } from "./lib/server/redis-client";

async function main(): Promise<void> {
  configurePasswordGate({ concurrency: env.PASSWORD_HASH_CONCURRENCY, maxQueue: env.PASSWORD_HASH_QUEUE });
  const app = next({ dev: env.NODE_ENV !== "production", hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  const logRequest = createRequestLogger({ logger, trustProxy: env.TRUST_PROXY });
  const securityHeadersFor = createSecurityHeaders({ siteUrl: env.SITE_URL, trustProxy: env.TRUST_PROXY });
  // Several nodes share rooms through Redis; a single node needs nothing but itself.
  const redis = env.REDIS_URL ? { publisher: getRedisClient(env.REDIS_URL, logger), subscriber: getRedisSubscriber(env.REDIS_URL, logger) } : null;

  const httpServer = createServer((req, res) => {
    logRequest(req, res);
    sendSecurityHeaders(res, securityHeadersFor(req));
    // Before Next reads anything: a path it cannot decode, a body over HTTP_BODY_LIMIT_BYTES or of unknown length.
    const refusal = malformedPathRefusal(req) ?? bodyRefusal(req, env.HTTP_BODY_LIMIT_BYTES);
    if (refusal) return sendRefusal(req, res, refusal);
    // Route handlers see no socket; this header (always overwritten) tells them who is asking.
    stampClientIp(req, env.TRUST_PROXY);
    void handleRequest(req, res);
  });
  refuseBeforeContinue(httpServer, env.HTTP_BODY_LIMIT_BYTES);
  const { io, sessionSockets, roomSockets, announceShutdown } = createRealtimeServer(
    httpServer,
    {
      db,
      logger,
      authSecret: env.AUTH_SECRET,
      siteUrl: env.SITE_URL,
      originPolicy: env.siteUrlIsExplicit ? "site-url" : "same-host",
      trustProxy: env.TRUST_PROXY,
      rateLimits: getRateLimits(),
    },
    { adapter: redis ? createRoomsRedisAdapter(redis.publisher, redis.subscriber) : undefined, securityHeaders: securityHeadersFor },
  );
  // Signing out, a password change or a deleted account closes that session's open rooms at once.
  installSessionConnectionCloser((sessionIds) => sessionSockets.endSessions(sessionIds));
  // A removed guest, a guest who left, a deleted or renamed room: its open pages are told at once.
  installRoomEventPublisher((event) => roomSockets.publish(event));
  // Socket.IO takes its own upgrades; the rest (Next's dev-time HMR socket) go to Next.
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith(`${REALTIME_PATH}/`)) void handleUpgrade(req, socket, head);
  });

  const closeRedis = async () => void (redis && (await Promise.all([closeRedisClient(redis.publisher), closeRedisClient(redis.subscriber)])));
  installGracefulShutdown({ httpServer, io, announceShutdown, db, logger, closeResources: closeRedis });
  httpServer.listen(env.PORT, env.HOST, () => {
    logger.info({ url: env.SITE_URL, host: env.HOST, port: env.PORT, mode: env.NODE_ENV, nodes: redis ? "redis" : "single" }, "Duet is listening");
  });
}

// A stray rejection is a bug to log, not a reason to drop every call on this node.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Duet failed to start");
  process.exit(1);
});
