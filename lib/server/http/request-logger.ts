import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLogger } from "../logger";
import { clientIp } from "./client-ip";

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

export interface RequestLoggerOptions {
  logger: TLogger;
  /** Only behind a proxy we run may X-Forwarded-For and X-Request-Id be believed. */
  trustProxy: boolean;
}

/**
 * Gives every request an id (the proxy's X-Request-Id when trusted, else a new one), returns
 * it as X-Request-Id, and logs one JSON line when the response is done.
 */
export function createRequestLogger({ logger, trustProxy }: RequestLoggerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    const forwardedId = trustProxy ? req.headers["x-request-id"] : undefined;
    const requestId = typeof forwardedId === "string" && REQUEST_ID_PATTERN.test(forwardedId) ? forwardedId : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.once("finish", () => {
      const url = req.url ?? "";
      // Static assets are noise at info level.
      const level = url.startsWith("/_next/") ? "debug" : "info";
      logger[level](
        {
          reqId: requestId,
          method: req.method,
          url,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ip: clientIp(req, trustProxy),
        },
        "request",
      );
    });
  };
}
