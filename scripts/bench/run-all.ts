/**
 * `npm run bench`: every benchmark, one after another, each printing its figures beside a
 * baseline measured in the same run. Pass BENCH_SHORT=1 for CI-sized runs. A benchmark's exit
 * status fails only for a correctness check (a lost or reordered message), never for speed.
 */
import { spawnSync } from "node:child_process";

const BENCHES = [
  { name: "chat write path", script: "scripts/bench/chat-throughput.ts" },
  { name: "password hashing under a sign-in flood", script: "scripts/bench/sign-in-flood.ts" },
  { name: "large request bodies", script: "scripts/bench/large-bodies.ts" },
  { name: "history: timeline pages, search and export over a large room", script: "scripts/bench/history/bench-history.ts" },
];

let failed = 0;
for (const { name, script } of BENCHES) {
  console.log(`\n=== ${name} (${script})\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env: process.env });
  if (run.status !== 0) {
    failed += 1;
    console.log(`\n${name}: exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
