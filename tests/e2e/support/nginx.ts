import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { crc32 } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";

const ROOT = path.resolve(__dirname, "../../..");
/** The config Duet ships; tests render this file, never a hand-written stand-in. */
export const SHIPPED_NGINX_CONFIG = path.join(ROOT, "deploy/nginx/duet.conf");
const NGINX = process.env.NGINX_PATH ?? "nginx";
/** What Debian's nginx.conf (and the nginx Docker image's) includes around a site file. */
const MIME_TYPES = process.env.NGINX_MIME_TYPES ?? "/etc/nginx/mime.types";

export interface Certificate {
  certPath: string;
  keyPath: string;
  /** PEM text, for clients that should trust exactly this certificate. */
  certPem: string;
}

/** A throwaway self-signed certificate for `localhost` (CN and SAN), valid for a day. */
export function createSelfSignedCertificate(dir: string): Certificate {
  const certPath = path.join(dir, "localhost.crt");
  const keyPath = path.join(dir, "localhost.key");
  const result = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ],
    { encoding: "utf8" },
  );
  if (result.error || result.status !== 0) {
    throw new Error(`openssl could not make a test certificate (apt-get install openssl): ${result.error?.message ?? result.stderr}`);
  }
  return { certPath, keyPath, certPem: readFileSync(certPath, "utf8") };
}

export interface RenderOptions {
  serverName: string;
  httpPort: number;
  httpsPort: number;
  /** host:port of each Duet node, replacing the shipped upstream servers. */
  upstreams: string[];
  certPath: string;
  keyPath: string;
}

/**
 * The shipped config with only what differs on a test machine substituted: the domain, the
 * listen addresses (loopback: 127.0.0.1 and ::1), the upstream addresses and the certificate paths. Each
 * substitution must match, so a change to the shipped file that this misses fails loudly.
 */
export function renderDuetNginxConfig(shipped: string, options: RenderOptions): string {
  let config = shipped;
  const substitute = (pattern: RegExp, replacement: (...groups: string[]) => string) => {
    if (!pattern.test(config)) throw new Error(`deploy/nginx/duet.conf no longer matches ${pattern}; update tests/e2e/support/nginx.ts`);
    config = config.replace(pattern, replacement);
  };
  substitute(/\/etc\/letsencrypt\/live\/duet\.example\.com\/fullchain\.pem/g, () => options.certPath);
  substitute(/\/etc\/letsencrypt\/live\/duet\.example\.com\/privkey\.pem/g, () => options.keyPath);
  substitute(/server_name duet\.example\.com;/g, () => `server_name ${options.serverName};`);
  const testPort = (shippedPort: string) => (shippedPort === "80" ? options.httpPort : options.httpsPort);
  substitute(/\blisten \[::\]:(80|443)\b/g, (_match, shippedPort) => `listen [::1]:${testPort(shippedPort)}`);
  substitute(/\blisten (80|443)\b/g, (_match, shippedPort) => `listen 127.0.0.1:${testPort(shippedPort)}`);
  const upstreamServer = /^([ \t]*)server 127\.0\.0\.1:\d+((?: [^;]*)?);\n/gm;
  const [first] = [...config.matchAll(upstreamServer)];
  if (!first) throw new Error(`deploy/nginx/duet.conf no longer matches ${upstreamServer}; update tests/e2e/support/nginx.ts`);
  const servers = options.upstreams.map((address) => `${first[1]}server ${address}${first[2]};\n`).join("");
  let placed = false;
  config = config.replace(upstreamServer, () => (placed ? "" : ((placed = true), servers)));
  return config;
}

/**
 * The part of nginx.conf a distribution provides around a site file (events, mime types, temp
 * paths), pointed at a private prefix. The access log names the node behind every request.
 */
function mainConfig(dir: string, siteConfigPath: string): string {
  // Run as root, nginx's workers would switch to `nobody`, who cannot enter this 0700 temp dir.
  const user = process.getuid?.() === 0 ? "user root root;\n" : "";
  const temp = (name: string) => path.join(dir, `temp-${name}`);
  return `${user}worker_processes 1;
worker_shutdown_timeout 5s;
events { worker_connections 512; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    log_format duet_test '$remote_addr "$request" $status upstream=$upstream_addr';
    access_log ${path.join(dir, "access.log")} duet_test;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${siteConfigPath};
}
`;
}

export interface NginxProcess {
  /** https://localhost:<port> */
  httpsUrl: string;
  /** http://localhost:<port> */
  httpUrl: string;
  certPem: string;
  /** One line per finished request (a WebSocket finishes when it closes): `<client> "<request line>" <status> upstream=<node>`. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** nginx with the shipped Duet config in front of `upstreams`, answering once it is up. */
export async function startNginx({
  httpPort,
  httpsPort,
  upstreams,
}: {
  httpPort: number;
  httpsPort: number;
  upstreams: string[];
}): Promise<NginxProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), "duet-nginx-"));
  const certificate = createSelfSignedCertificate(dir);
  const sitePath = path.join(dir, "duet.conf");
  const mainPath = path.join(dir, "nginx.conf");
  writeFileSync(
    sitePath,
    renderDuetNginxConfig(readFileSync(SHIPPED_NGINX_CONFIG, "utf8"), { serverName: "localhost", httpPort, httpsPort, upstreams, ...certificate }),
  );
  writeFileSync(mainPath, mainConfig(dir, sitePath));

  const globals = `daemon off; master_process on; pid ${path.join(dir, "nginx.pid")}; error_log stderr warn;`;
  const child = spawn(NGINX, ["-p", dir, "-c", mainPath, "-g", globals], { stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));

  const httpsUrl = `https://localhost:${httpsPort}`;
  try {
    await Promise.race([
      waitUntilAnswering(httpsPort, certificate.certPem, child, () => stderr),
      spawnError.then((error) => Promise.reject(new Error(`could not run ${NGINX} (apt-get install nginx): ${error.message}`))),
    ]);
  } catch (error) {
    await stopNginx(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    httpsUrl,
    httpUrl: `http://localhost:${httpPort}`,
    certPem: certificate.certPem,
    accessLog: () => readFileSync(path.join(dir, "access.log"), "utf8").split("\n").filter(Boolean),
    async stop() {
      await stopNginx(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls GET /api/health through nginx (TLS verified against the test certificate). */
async function waitUntilAnswering(port: number, certPem: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}: ${stderr().trim()}`);
    if ((await healthStatus(port, certPem)) === 200) return;
    await pause(50);
  }
  throw new Error(`nginx did not answer https://localhost:${port}/api/health with 200 within 15 s: ${stderr().trim()}`);
}

function healthStatus(port: number, certPem: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, servername: "localhost", path: "/api/health", ca: certPem, headers: { host: `localhost:${port}` }, timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

/** Graceful stop (SIGQUIT: finish open requests, write the access log), killed after 10 s. */
async function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGQUIT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The node nginx's `hash <key> consistent` picks for `key` among `servers` ("host:port", as
 * written in the upstream block, weight 1): ngx_http_upstream_hash_module's ketama ring of
 * 160 points per server, each the crc32 of host, NUL, port and the previous point; a key
 * goes to the first point at or after its own crc32 (wrapping around). Lets a test choose node ports that send two clients to
 * different nodes; the test then checks nginx's access log, so a mismatch cannot pass.
 */
export function consistentHashNode(servers: string[], key: string): string {
  const points: Array<{ hash: number; server: string }> = [];
  for (const server of servers) {
    const colon = server.lastIndexOf(":");
    const base = Buffer.concat([Buffer.from(server.slice(0, colon)), Buffer.from([0]), Buffer.from(server.slice(colon + 1))]);
    const previous = Buffer.alloc(4);
    for (let point = 0; point < 160; point += 1) {
      const hash = crc32(Buffer.concat([base, previous]));
      points.push({ hash, server });
      previous.writeUInt32LE(hash);
    }
  }
  points.sort((a, b) => a.hash - b.hash);
  const keyHash = crc32(key);
  return (points.find(({ hash }) => hash >= keyHash) ?? points[0]!).server;
}
