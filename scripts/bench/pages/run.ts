/**
 * `npm run bench:pages`: the JavaScript each Duet page makes a first-time visitor download
 * (gzipped, as transferred), beside an empty Next app built with the same Next and React in
 * the same run. Real Chromium, a fresh context per page, cache disabled.
 *   --no-build   weigh the existing .next build instead of running `npm run build` first
 *   --detail     also list each page's scripts, to find what makes a page heavy
 * Verdicts are printed; the exit code says only whether the bench itself ran.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { startDuet } from "../../../tests/e2e/support/duet-process";
import { useProductionTreeCopy } from "../../../tests/support/production-tree";
import { freePort } from "../../../tests/e2e/support/free-port";
import { ALLOW_LOOPBACK_PEERS_ARG, CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv } from "../../../tests/support/chromium";
import { coldLoad, sum, type ColdLoad } from "./cold-load";
import { duetPages } from "./duet-pages";
import { ensureEmptyNextApp, startEmptyNextApp } from "./empty-next-app";
import { printWeights, type Goal, type Weighed } from "./print-weights";

const ROOT = path.resolve(__dirname, "../../..");

function weighed(name: string, path: string, load: ColdLoad, goal?: Goal): Weighed {
  if (process.argv.includes("--detail")) {
    console.log(`\n${name} (${path})`);
    for (const script of [...load.scripts].sort((a, b) => b.bytes - a.bytes))
      console.log(`  ${(script.bytes / 1000).toFixed(1).padStart(7)} kB  ${new URL(script.url).pathname}`);
  }
  if (load.finalPath !== path) throw new Error(`${name}: ${path} ended on ${load.finalPath} (not signed in?)`);
  const unencoded = load.scripts.filter((script) => script.encoding !== "gzip" && script.bytes > 1_000);
  if (unencoded.length > 0) throw new Error(`${name}: scripts sent without gzip: ${unencoded.map((script) => script.url).join(", ")}`);
  return { name, path, scripts: load.scripts.length, jsBytes: sum(load.scripts), htmlBytes: load.document?.bytes ?? 0, goal };
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const empty = ensureEmptyNextApp();
  console.log(
    `empty Next app: next ${empty.versions.next}, react ${empty.versions.react} (${empty.rebuilt ? "built now" : "build reused"}) in ${empty.dir}`,
  );

  const home = mkdtempSync(path.join(tmpdir(), "duet-bench-chromium-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: chromiumEnv(home),
    args: [...CHROMIUM_ARGS, ALLOW_LOOPBACK_PEERS_ARG],
  });
  const emptyApp = await startEmptyNextApp(empty.dir, await freePort());
  const removeTree = useProductionTreeCopy();
  const duet = await startDuet({ port: await freePort() });
  try {
    const rows: Weighed[] = [];
    const baseline = await coldLoad(browser, { url: `${emptyApp.url}/`, ready: (page) => page.getByRole("heading", { name: "Empty" }).waitFor() });
    rows.push(weighed("empty Next app", "/", baseline));
    for (const target of await duetPages(browser, duet.url)) {
      const load = await coldLoad(browser, { url: `${duet.url}${target.path}`, storageState: target.storageState, ready: target.ready });
      rows.push(weighed(target.name, target.path, load, target.goal));
    }
    printWeights(rows);
  } finally {
    await browser.close();
    await Promise.all([emptyApp.stop(), duet.stop()]);
    removeTree();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
