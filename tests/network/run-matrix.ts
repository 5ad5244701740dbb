/**
 * `npm run test:network`: builds Duet once, then runs every row of rows.ts in a network lab of
 * namespaces (lab-topology.ts) with Duet and coturn on a private "internet" (lab-services.ts) and
 * one Chromium per client namespace (lab-browser.ts). Prints the matrix; exits 1 unless every
 * row behaved as expected. Run as root, as `node --import tsx` rather than through the tsx CLI:
 * the CLI SIGKILLs its child when the child's event loop (busy in a spawnSync) does not confirm
 * a relayed SIGINT within 30 ms, which would leave the lab behind.
 *   --no-build        reuse the existing build (its production tree, .next/standalone)
 *   --rows=a,b        run only these rows
 *   LAB_COTURN_VERBOSE=1  coturn logs every session (in the kept log directory)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { copyProductionTree, type ProductionTree } from "../support/production-tree";
import { createRoom, enterRoom, launchBrowserIn, signedInPerson } from "./lab-browser";
import { assertLabPrerequisites } from "./lab-shell";
import { startLabCoturn, startLabDuet, type LabCoturn, type LabDuet } from "./lab-services";
import { createHome, createInternet, deleteNamespace, labNamespaces, namespacePids, removeHome, type Home } from "./lab-topology";
import { matrixTable, rowLine, type Outcome } from "./matrix-table";
import { ROWS, type IceConfig, type Row } from "./rows";
import { runScenario, type RowResult } from "./scenarios";

const ROOT = path.resolve(__dirname, "../..");
const DUET_PORTS: Record<IceConfig, number> = { stun: 3000, "stun+turn": 3001 };
// A row that hangs (a browser that never answers) must not hang CI.
const ROW_TIMEOUT_MS = 180_000;

let dir = "";
const browsers = new Set<Browser>();
const duets = new Map<IceConfig, LabDuet>();
let coturn: LabCoturn | null = null;
let productionTree: ProductionTree | null = null;

/** One Duet per ICE configuration, started when a row first needs it and kept for later rows. */
async function duetFor(ice: IceConfig): Promise<LabDuet> {
  const running = duets.get(ice);
  if (running) return running;
  if (!coturn) throw new Error("coturn is not running");
  const servers =
    ice === "stun"
      ? { STUN_URLS: coturn.stunUrl }
      : { STUN_URLS: coturn.stunUrl, TURN_URLS: `${coturn.turnUrls.udp},${coturn.turnUrls.tcp}`, TURN_SECRET: coturn.secret };
  if (!productionTree) throw new Error("the production tree was not copied");
  const duet = await startLabDuet({
    port: DUET_PORTS[ice],
    dir: path.join(dir, `duet-${ice.replace("+", "-")}`),
    tree: productionTree.dir,
    ice: servers,
  });
  duets.set(ice, duet);
  return duet;
}

async function runRow(row: Row): Promise<RowResult> {
  const homes: Home[] = [];
  const rowBrowsers: Browser[] = [];
  try {
    row.homes.forEach((spec, i) => homes.push(createHome(i + 1, spec)));
    const [adaClient, benClient] = homes.flatMap((home) => home.clients);
    if (!adaClient || !benClient) throw new Error(`row ${row.name} needs two clients`);
    const duet = await duetFor(row.ice);
    const origins = Object.values(DUET_PORTS).map((port) => new URL(duet.url).origin.replace(/:\d+$/, `:${port}`));
    const [adaBrowser, benBrowser] = await Promise.all([adaClient, benClient].map((client) => launchBrowserIn(client.ns, dir, origins)));
    for (const browser of [adaBrowser!, benBrowser!]) {
      rowBrowsers.push(browser);
      browsers.add(browser);
    }
    const [ada, ben] = await Promise.all([signedInPerson(adaBrowser!, "Ada", duet.url), signedInPerson(benBrowser!, "Ben", duet.url)]);
    const roomId = await createRoom(ada, `Network lab: ${row.name}`);
    await Promise.all([enterRoom(ada, roomId, "owner"), enterRoom(ben, roomId, "guest")]);
    return await runScenario({ row, ada, ben, benClient, duet, roomId });
  } finally {
    for (const browser of rowBrowsers) {
      await browser.close().catch(() => undefined);
      browsers.delete(browser);
    }
    homes.forEach(removeHome);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Removes every lab namespace: a crashed earlier run's at start, ours at exit. Whatever still
 * runs inside one (only this harness starts processes there) is killed first by pid.
 */
function removeLab(): void {
  for (const ns of labNamespaces()) {
    for (const pid of namespacePids(ns)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    deleteNamespace(ns);
  }
}

let teardownDone: Promise<void> | null = null;
/** Idempotent: a signal and the end of main() may both ask; both wait for the same teardown. */
function teardown(keepDir: boolean): Promise<void> {
  teardownDone ??= (async () => {
    await Promise.all([...browsers].map((browser) => browser.close().catch(() => undefined)));
    await Promise.all([...duets.values()].map((duet) => duet.stop().catch(() => undefined)));
    await coturn?.stop().catch(() => undefined);
    removeLab();
    productionTree?.remove();
    if (!dir) return;
    if (keepDir) console.log(`Logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  })();
  return teardownDone;
}

/** Runs the rows; resolves with the exit code and the matrix, printed last, after teardown. */
async function main(): Promise<{ code: number; matrix: string }> {
  const args = process.argv.slice(2);
  const only = args
    .find((arg) => arg.startsWith("--rows="))
    ?.slice("--rows=".length)
    .split(",");
  const rows = only ? ROWS.filter((row) => only.includes(row.name)) : ROWS;
  if (only && rows.length !== only.length) throw new Error(`unknown row in --rows; rows are: ${ROWS.map((row) => row.name).join(", ")}`);

  if (!args.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  dir = mkdtempSync(path.join(tmpdir(), "duetlab-"));
  productionTree = copyProductionTree();
  removeLab();
  createInternet();
  coturn = await startLabCoturn(dir);

  const outcomes: Outcome[] = [];
  for (const row of rows) {
    const startedAt = Date.now();
    let result: RowResult;
    try {
      result = await withTimeout(runRow(row), ROW_TIMEOUT_MS, `row ${row.name}`);
    } catch (error) {
      result = {
        connected: false,
        ada: null,
        ben: null,
        joinToFrameMs: null,
        notes: [],
        diagnostics: [],
        failures: [`error: ${(error as Error).message.split("\n")[0]}`],
      };
    }
    const outcome = { row, result, seconds: (Date.now() - startedAt) / 1000 };
    outcomes.push(outcome);
    console.log(rowLine(outcome));
  }
  const code = outcomes.every((outcome) => outcome.result.failures.length === 0) ? 0 : 1;
  return { code, matrix: matrixTable(outcomes) };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: removing the network lab`);
    void teardown(true).finally(() => process.exit(130));
  });
}

try {
  assertLabPrerequisites();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

main().then(
  async ({ code, matrix }) => {
    await teardown(code !== 0);
    // The matrix ends with the `N passed, N failed` line: nothing may follow it.
    console.log(`\n${matrix}`);
    process.exit(code);
  },
  async (error: Error) => {
    console.error(`test:network could not run: ${error.stack ?? error.message}`);
    await teardown(true);
    process.exit(1);
  },
);
