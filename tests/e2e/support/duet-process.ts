import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { MIGRATE_SCRIPT, SERVER_SCRIPT } from "../../support/production-tree";

/** The copy of the production tree that global-setup made for this run. */
export function productionTreeDir(): string {
  const dir = process.env.DUET_E2E_TREE;
  if (!dir) throw new Error("DUET_E2E_TREE is not set: the e2e global setup copies the production tree");
  return dir;
}

export interface DuetProcess {
  url: string;
  dataDir: string;
  /** The server process running now, for tests of signals and exit. */
  readonly child: ChildProcess;
  /** SIGKILLs the server, as a crash or power cut would: no graceful shutdown. */
  kill(): Promise<void>;
  /** Starts the server again on the same port, database and AUTH_SECRET, once the last one has exited. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartDuetOptions {
  port: number;
  /** Overrides; e.g. DATABASE_URL to share one PostgreSQL database between several nodes. */
  env?: Record<string, string>;
  /** false: skip `db:migrate` (another node sharing the database has run it). Default true. */
  migrate?: boolean;
}

/**
 * A production Duet on a fresh embedded database (unless env.DATABASE_URL says otherwise),
 * started the way the Docker image starts it: from the production tree, plain `node`, migrate
 * then serve.
 */
export async function startDuet({ port, env = {}, migrate: runMigrations = true }: StartDuetOptions): Promise<DuetProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "duet-e2e-"));
  const url = `http://localhost:${port}`;
  const processEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: url,
    DATABASE_URL: `file:${path.join(dataDir, "duet.db")}`,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    LOG_LEVEL: "warn",
    // Tests never contact a public server: no STUN unless a test brings its own.
    STUN_URLS: "",
    // Every e2e person signs up, signs in and connects from 127.0.0.1: one address's limits
    // must not trip across a whole run. tests/e2e/limits sets low ones to test them.
    RATE_LIMIT_SIGN_UP_IP: "1000/1h",
    RATE_LIMIT_SIGN_IN_IP: "1000/1h",
    RATE_LIMIT_HANDSHAKE_IP: "1000/1m",
    // Specs seed long conversations through the socket as fast as it acks (the history API
    // spec sends 60 at once); the chat limit itself is proven by tests/integration/realtime/rate-limits.
    RATE_LIMIT_CHAT: "1000/10s",
    // The malformed-input spec reads history 500 times in seconds; tests/e2e/limits proves the limit.
    RATE_LIMIT_HISTORY: "10000/1m",
    ...env,
  };
  if (runMigrations) {
    const migrate = spawnSync(process.execPath, [MIGRATE_SCRIPT], { cwd: productionTreeDir(), env: processEnv, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`db:migrate failed: ${migrate.stderr || migrate.stdout}`);
  }

  const serve = async () => {
    const started = spawn(process.execPath, [SERVER_SCRIPT], { cwd: productionTreeDir(), env: processEnv, stdio: ["ignore", "inherit", "inherit"] });
    await waitUntilHealthy(url, started);
    return started;
  };
  let child = await serve();
  return {
    url,
    dataDir,
    get child() {
      return child;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) throw new Error("Duet is still running; kill or stop it first");
      child = await serve();
    },
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Duet exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await pause(100);
  }
  child.kill("SIGKILL");
  throw new Error(`Duet did not answer ${url}/api/health within 60 s`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
  await exited;
  clearTimeout(timer);
}
