import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { coturnArgs, coturnRunSettings, TEST_COTURN_SETTINGS } from "../support/coturn-settings";
import { MIGRATE_SCRIPT, SERVER_SCRIPT } from "../support/production-tree";
import { SERVER_IP, SERVER_NS } from "./lab-topology";

const ROOT = path.resolve(__dirname, "../..");
const execFileAsync = promisify(execFile);
export const TURN_PORT = 3478;

/**
 * Starts a long-running process inside the server namespace. `ip netns exec` execs the command,
 * so the pid is the server's own and SIGKILL to it really kills the server.
 */
function spawnInServerNs(args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = ROOT): ChildProcess {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn("ip", ["netns", "exec", SERVER_NS, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

/** Polls a service from inside the server namespace (see ns-wait.ts); resolves with when it first answered. */
async function waitInServerNs(check: string[], child: ChildProcess, what: string): Promise<number> {
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => reject(new Error(`${what} exited (${code ?? signal}) before it was ready`))),
  );
  exited.catch(() => undefined);
  const answered = execFileAsync("ip", ["netns", "exec", SERVER_NS, "node", "--import", "tsx", "tests/network/ns-wait.ts", ...check], { cwd: ROOT })
    .then(({ stdout }) => Number(stdout.trim()))
    .catch((error: { stderr?: string }) => Promise.reject(new Error(`${what} is not answering: ${error.stderr?.trim()}`)));
  return Promise.race([answered, exited]);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface LabCoturn {
  secret: string;
  stunUrl: string;
  turnUrls: { udp: string; tcp: string };
  stop(): Promise<void>;
}

/**
 * coturn on the internet segment; it answers STUN too, so it is the lab's STUN server. No
 * --allow-loopback-peers: the peers' addresses here are real (lab) addresses, as in production.
 */
export async function startLabCoturn(dir: string): Promise<LabCoturn> {
  const secret = randomBytes(24).toString("base64url");
  const settings = [
    ...coturnRunSettings({ ip: SERVER_IP, port: TURN_PORT, relayPorts: { min: 49152, max: 49407 }, secret, realm: "duet.lab", dir }),
    ...TEST_COTURN_SETTINGS,
    ...(process.env.LAB_COTURN_VERBOSE ? ["verbose"] : []),
  ];
  const child = spawnInServerNs(["turnserver", ...coturnArgs(settings)], process.env, path.join(dir, "coturn.log"));
  await waitInServerNs(["stun", SERVER_IP, String(TURN_PORT), "10000"], child, "coturn");
  const base = `${SERVER_IP}:${TURN_PORT}`;
  return {
    secret,
    stunUrl: `stun:${base}`,
    turnUrls: { udp: `turn:${base}?transport=udp`, tcp: `turn:${base}?transport=tcp` },
    stop: () => stop(child),
  };
}

export interface LabDuet {
  url: string;
  logFile: string;
  /** SIGKILL, as a crash or an OOM kill would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same data directory and address; resolves with when it answered health. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A production Duet (plain `node` in a copy of the production tree, `tree`) on the internet
 * segment, its SQLite database migrated first as the Docker image does. `ice` is its
 * STUN_URLS/TURN_URLS/TURN_SECRET; STUN_URLS is always set (an empty string means none) so no
 * public server is ever configured.
 */
export async function startLabDuet({
  port,
  dir,
  tree,
  ice,
}: {
  port: number;
  dir: string;
  tree: string;
  ice: { STUN_URLS: string; TURN_URLS?: string; TURN_SECRET?: string };
}): Promise<LabDuet> {
  mkdirSync(dir, { recursive: true });
  const url = `http://${SERVER_IP}:${port}`;
  const logFile = path.join(dir, "duet.log");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: SERVER_IP,
    PORT: String(port),
    SITE_URL: url,
    DATABASE_URL: `file:${path.join(dir, "duet.db")}`,
    AUTH_SECRET: "network-lab-secret-network-lab-secret",
    LOG_LEVEL: "warn",
    TURN_URLS: "",
    ...ice,
  };
  const migrate = spawnSync(process.execPath, [MIGRATE_SCRIPT], { cwd: tree, env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`db:migrate failed: ${migrate.stderr || migrate.stdout}`);

  let child: ChildProcess | null = null;
  const start = async (): Promise<number> => {
    child = spawnInServerNs([process.execPath, SERVER_SCRIPT], env, logFile, tree);
    return waitInServerNs(["http", `${url}/api/health`, "60000"], child, `Duet (${url}, log ${logFile})`);
  };
  await start();
  return {
    url,
    logFile,
    start,
    kill: async () => void (child && (await stop(child, "SIGKILL"))),
    stop: async () => void (child && (await stop(child))),
  };
}
