/**
 * `npm run bench`: every benchmark, one after another, each printing its figures beside a
 * baseline measured in the same run. Pass BENCH_SHORT=1 for CI-sized runs. A benchmark's exit
 * status fails only for a correctness check (a lost or reordered message), never for speed.
 * Builds first (`--no-build` to use the current build), as the page and call benches need it.
 */
import { spawnSync } from "node:child_process";

const BENCHES = [
  { name: "chat write path", script: "scripts/bench/chat-throughput.ts" },
  { name: "password hashing under a sign-in flood", script: "scripts/bench/sign-in-flood.ts" },
  { name: "large request bodies", script: "scripts/bench/large-bodies.ts" },
  { name: "page weight", script: "scripts/bench/pages/run.ts", args: ["--no-build"] },
  { name: "call setup", script: "scripts/bench/call-setup/run.ts", args: ["--no-build"] },
  // 10,000 sockets and their load clients need more open files than the usual soft limit.
  { name: "connections and memory", script: "scripts/bench/connections/main.ts", raiseFileLimit: true },
  { name: "history: timeline pages, search and export over a large room", script: "scripts/bench/history/bench-history.ts" },
];

if (!process.argv.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(1);
}

let failed = 0;
for (const { name, script, args = [], raiseFileLimit } of BENCHES as { name: string; script: string; args?: string[]; raiseFileLimit?: boolean }[]) {
  console.log(`\n=== ${name} (${script})\n`);
  const command = [process.execPath, "--import", "tsx", script, ...args];
  const run = raiseFileLimit
    ? spawnSync("sh", ["-c", 'ulimit -n "$(ulimit -Hn)" && exec "$@"', "sh", ...command], { stdio: "inherit", env: process.env })
    : spawnSync(command[0]!, command.slice(1), { stdio: "inherit", env: process.env });
  if (run.status !== 0) {
    failed += 1;
    console.log(`\n${name}: exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
