import { execFile, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coturnArgs, coturnRunSettings, TEST_COTURN_SETTINGS } from "../../support/coturn-settings";
import { stopProcess } from "./duet-process";
import { freeCoturnPort } from "./free-coturn-port";
import { freePort } from "./free-port";
import { stunBinding } from "./stun";

const TURNSERVER = process.env.TURNSERVER_PATH ?? "turnserver";
const UCLIENT = process.env.TURNUTILS_UCLIENT_PATH ?? "turnutils_uclient";
const NOT_INSTALLED = "coturn is not installed: apt-get install -y coturn (or set TURNSERVER_PATH)";
const RELAY_PORTS = 200;

// In a config file, the settings that only make sense on the machine that runs it; a test copy
// replaces them with its own ports, secret and temporary files.
const MACHINE_LOCAL_KEYS = new Set([
  "static-auth-secret",
  "realm",
  "server-name",
  "listening-ip",
  "relay-ip",
  "external-ip",
  "listening-port",
  "tls-listening-port",
  "min-port",
  "max-port",
  "cert",
  "pkey",
  "syslog",
  "log-file",
  "userdb",
  "pidfile",
]);

export interface CoturnOptions {
  /**
   * Run this turnserver.conf (e.g. the one Duet ships) with only its machine-local settings
   * replaced, instead of the test setup, which allows loopback peers.
   */
  configFile?: string;
  /** With configFile: leave out the lines this matches (e.g. one denied range)… */
  drop?: RegExp;
  /** …and add these settings. */
  add?: string[];
}

export interface Coturn {
  host: "127.0.0.1";
  port: number;
  secret: string;
  /** TURN URLs for Duet's TURN_URLS, one per client transport. */
  urls: { udp: string; tcp: string };
  /** The ports coturn hands out as relay addresses. */
  relayPorts: { min: number; max: number };
  /**
   * A TURN REST credential as coturn's use-auth-secret checks it, computed here from the
   * scheme itself rather than by Duet: base64(HMAC-SHA1(secret, "<expiry>:<userId>")).
   */
  credential(userId: string, expiresAtUnixSeconds: number): { username: string; credential: string };
  /** Everything coturn has printed so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A real coturn on loopback with TURN REST authentication (`use-auth-secret`) and a random
 * secret. The default setup allows loopback peers, which only a test may do: there both
 * browsers' relay addresses are 127.0.0.1. Resolves once coturn answers a STUN Binding
 * request over UDP.
 */
export async function startCoturn(options: CoturnOptions = {}): Promise<Coturn> {
  const dir = mkdtempSync(path.join(tmpdir(), "duet-coturn-"));
  const host = "127.0.0.1";
  const listeningIps = [host, ...(options.add ?? []).flatMap((setting) => setting.match(/^listening-ip=(.+)$/)?.[1] ?? [])];
  const port = await freeCoturnPort(listeningIps);
  let minPort = await freePort();
  if (port + 1 >= minPort && port <= minPort + RELAY_PORTS) minPort = port + 2;
  const maxPort = Math.min(minPort + RELAY_PORTS, 65_535);
  const secret = randomBytes(24).toString("base64url");
  const run = coturnRunSettings({ ip: host, port, relayPorts: { min: minPort, max: maxPort }, secret, realm: "duet.test", dir });
  const args = options.configFile
    ? // No certificate here; TLS is the one part of a shipped config a loopback test cannot use.
      ["-c", writeTestCopy(options.configFile, options.drop, [...run, "no-tls", ...(options.add ?? [])], dir)]
    : coturnArgs([...run, ...TEST_COTURN_SETTINGS, "allow-loopback-peers"]);

  const child = spawn(TURNSERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const spawned = new Promise<never>((_, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new Error(NOT_INSTALLED) : error));
    child.once("exit", (code) => reject(new Error(`turnserver exited with code ${code} before answering STUN:\n${output}`)));
  });
  spawned.catch(() => undefined);
  try {
    await Promise.race([stunBinding(host, port, 10_000), spawned]);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    host,
    port,
    secret,
    urls: { udp: `turn:${host}:${port}?transport=udp`, tcp: `turn:${host}:${port}?transport=tcp` },
    relayPorts: { min: minPort, max: maxPort },
    credential(userId, expiresAtUnixSeconds) {
      const username = `${expiresAtUnixSeconds}:${userId}`;
      return { username, credential: createHmac("sha1", secret).update(username).digest("base64") };
    },
    log: () => output,
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function writeTestCopy(configFile: string, drop: RegExp | undefined, settings: string[], dir: string): string {
  const kept = readFileSync(configFile, "utf8")
    .split(/\r?\n/)
    .filter((line) => !MACHINE_LOCAL_KEYS.has(line.trim().split("=")[0] ?? "") && !drop?.test(line));
  const copy = path.join(dir, "turnserver.conf");
  writeFileSync(copy, [...kept, "# Test-local settings", ...settings, ""].join("\n"));
  return copy;
}

/**
 * Asks coturn, with its own test client (turnutils_uclient, TURN REST credentials from
 * `secret`), for an allocation and a channel to `peer`. Resolves with what the client printed:
 * coturn's refusal, if any, is in it ("403 (Forbidden IP)", "Cannot complete Allocation").
 * Only for loopback peers: a permitted peer would really be sent traffic.
 */
export function relayThroughCoturn(coturn: Coturn, { peer, secret }: { peer: "127.0.0.1"; secret: string }): Promise<string> {
  const args = ["-p", String(coturn.port), "-W", secret, "-u", "duet-e2e", "-e", peer, "-r", "9", "-n", "1", "-m", "1", coturn.host];
  return new Promise((resolve, reject) => {
    execFile(UCLIENT, args, { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") reject(new Error(NOT_INSTALLED));
      else resolve(`${stdout}${stderr}`);
    });
  });
}
