import type { IncomingMessage, ServerResponse } from "node:http";
import { EventEmitter } from "node:events";
import { clientIp } from "@/lib/server/http/client-ip";
import { createRequestLogger } from "@/lib/server/http/request-logger";
import type { TLogger } from "@/lib/server/logger";

function request(headers: Record<string, string>): IncomingMessage {
  return { headers, url: "/api/health", method: "GET", socket: { remoteAddress: "10.0.0.7" } } as unknown as IncomingMessage;
}

function response() {
  const emitter = new EventEmitter();
  const headers: Record<string, string> = {};
  const res = Object.assign(emitter, { statusCode: 200, setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) });
  return { res: res as unknown as ServerResponse, headers, finish: () => emitter.emit("finish") };
}

const forged = { "x-forwarded-for": "203.0.113.9", "x-request-id": "forged-id" };

describe("request logging behind a proxy", () => {
  it("ignores forwarded headers unless the proxy is trusted", () => {
    expect(clientIp(request(forged), false)).toBe("10.0.0.7");
    expect(clientIp(request(forged), true)).toBe("203.0.113.9");
  });

  it("takes the address the proxy saw, not what the client prepended", () => {
    expect(clientIp(request({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" }), true)).toBe("203.0.113.9");
  });

  it("takes the proxy's request id only when trusted, and returns the id it used", () => {
    const lines: unknown[] = [];
    const logger = { info: (line: unknown) => lines.push(line), debug: () => {} } as unknown as TLogger;
    for (const trustProxy of [false, true]) {
      const { res, headers, finish } = response();
      createRequestLogger({ logger, trustProxy })(request(forged), res);
      finish();
      if (trustProxy) expect(headers["x-request-id"]).toBe("forged-id");
      else expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(lines).toEqual([
      expect.objectContaining({ method: "GET", url: "/api/health", status: 200, ip: "10.0.0.7" }),
      expect.objectContaining({ reqId: "forged-id", ip: "203.0.113.9" }),
    ]);
  });
});
