import type { Server as HttpServer } from "node:http";
import type { TDbClient } from "./db/create-db-client";
import type { TLogger } from "./logger";
import type { RealtimeServer } from "./realtime/types";

const SHUTDOWN_DEADLINE_MS = 10_000;

interface ShutdownDeps {
  httpServer: HttpServer;
  io: RealtimeServer;
  db: TDbClient;
  logger: TLogger;
}

/** On SIGTERM/SIGINT: stop accepting, close sockets, let in-flight work finish, exit within 10 s. */
export function installGracefulShutdown({ httpServer, io, db, logger }: ShutdownDeps): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown deadline passed; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // io.close() closes every socket and then the HTTP server, which waits for in-flight requests.
    io.close(async (error) => {
      if (error) logger.error({ err: error }, "closing the HTTP server failed");
      await db.$disconnect();
      logger.info("stopped");
      process.exit(error ? 1 : 0);
    });
    httpServer.closeIdleConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
