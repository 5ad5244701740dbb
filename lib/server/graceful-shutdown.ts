import type { Server as HttpServer } from "node:http";
import type { TDbClient } from "./db/create-db-client";
import { markShuttingDown } from "./lifecycle";
import { closeMessageWriter } from "./messages/message-writers";
import type { TLogger } from "./logger";
import { drainInFlight } from "./realtime/in-flight";
import type { RealtimeServer } from "./realtime/types";

export const SHUTDOWN_DEADLINE_MS = 10_000;

interface ShutdownDeps {
  httpServer: HttpServer;
  io: RealtimeServer;
  announceShutdown: () => void;
  db: TDbClient;
  logger: TLogger;
  /** Closes what else the process holds open (e.g. Redis), after the sockets. */
  closeResources?: () => Promise<void>;
}

/**
 * On SIGTERM/SIGINT: report not-ready, stop accepting connections, tell connected clients
 * (they reconnect, to another node when there is one), let in-flight writes such as chat
 * messages finish, close the database, and exit — all within 10 s.
 */
export function installGracefulShutdown(deps: ShutdownDeps): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, "shutting down");
    setTimeout(() => {
      deps.logger.error("shutdown deadline passed; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    shutDown(deps).then(
      () => process.exit(0),
      (error: unknown) => {
        deps.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

async function shutDown({ httpServer, io, announceShutdown, db, logger, closeResources }: ShutdownDeps): Promise<void> {
  markShuttingDown();
  const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  announceShutdown();
  await drainInFlight();
  // Closing the transports (not a Socket.IO disconnect) lets clients reconnect by themselves.
  io.engine.close();
  httpServer.closeIdleConnections();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_DEADLINE_MS / 2).unref());
  await Promise.race([httpClosed, grace]);
  httpServer.closeAllConnections();
  await closeResources?.();
  // Chat messages accepted but not yet written are written (and answered) while the database is open.
  await closeMessageWriter(db);
  await db.$disconnect();
  logger.info("stopped");
}
