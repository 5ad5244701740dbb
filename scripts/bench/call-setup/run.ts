/**
 * `npm run bench:call-setup`: how long a 1:1 call takes to start in Duet, beside a bare page and
 * relay making the same call in the same harness (same Chromium, machine, fake camera, ICE
 * servers), runs alternating so that load from elsewhere on the machine falls on both alike.
 * Every figure is ms from the second person's click on Join call, timed inside the pages; then
 * each step of the setup (call-steps.ts) for both, to show which one a difference comes from.
 *   BENCH_CALL_RUNS    measured calls of each (default 30, so p95 means something)
 *   BENCH_CALL_WARMUP  calls of each made first and not counted (default 2)
 *   BENCH_CALL_CHAT    messages of conversation in each Duet room (default 50: a room in use,
 *                      whose page shows the latest 50)
 *   --no-build         use the existing .next build instead of running `npm run build` first
 * Verdicts are printed; the exit code fails only when more than a tenth of either side's calls failed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { ALLOW_LOOPBACK_PEERS_ARG, CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv } from "../../../tests/support/chromium";
import { measureCall, type CallSample } from "./measure-call";
import { printCallSetup } from "./print-call-setup";
import { printCallSteps } from "./print-call-steps";
import { useProductionTreeCopy } from "../../../tests/support/production-tree";
import { bareTarget, duetTarget, type CallSetupTarget } from "./targets";

const ROOT = path.resolve(__dirname, "../../..");
// BENCH_SHORT (CI): enough calls to show the figures, not to judge a tail.
const RUNS = Number(process.env.BENCH_CALL_RUNS ?? (process.env.BENCH_SHORT ? 6 : 30));
const WARMUP = Number(process.env.BENCH_CALL_WARMUP ?? 2);
const CHAT = Number(process.env.BENCH_CALL_CHAT ?? 50);

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const home = mkdtempSync(path.join(tmpdir(), "duet-bench-chromium-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: chromiumEnv(home),
    args: [...CHROMIUM_ARGS, ALLOW_LOOPBACK_PEERS_ARG],
  });
  const targets: CallSetupTarget[] = [];
  const removeTree = useProductionTreeCopy();
  try {
    const duet = await duetTarget(browser, CHAT);
    targets.push(duet);
    const bare = await bareTarget(browser, duet.iceServers);
    targets.push(bare);
    const samples = new Map<CallSetupTarget, CallSample[]>(targets.map((target) => [target, []]));
    const failures = new Map<CallSetupTarget, string[]>(targets.map((target) => [target, []]));
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Alternate who goes first, too, so neither always follows the other's teardown.
      for (const target of run % 2 === 0 ? [bare, duet] : [duet, bare]) {
        try {
          const sample = await measureCall(target);
          if (run >= WARMUP) samples.get(target)!.push(sample);
        } catch (error) {
          failures.get(target)!.push((error as Error).message.split("\n")[0]!);
        }
      }
      process.stdout.write(`\rcalls: ${run + 1}/${WARMUP + RUNS} of each`);
    }
    process.stdout.write("\n");
    printCallSetup({ bare: samples.get(bare)!, duet: samples.get(duet)!, runs: RUNS, warmup: WARMUP, chat: CHAT });
    printCallSteps({ bare: samples.get(bare)!, duet: samples.get(duet)! });
    for (const [target, messages] of failures) {
      if (messages.length > 0) console.log(`${target.name}: ${messages.length} call(s) failed, first: ${messages[0]}`);
    }
    if ([...failures.values()].some((messages) => messages.length > RUNS / 10)) process.exitCode = 1;
  } finally {
    await browser.close();
    await Promise.all(targets.map((target) => target.stop()));
    removeTree();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
