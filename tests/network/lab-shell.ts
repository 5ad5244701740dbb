import { spawnSync } from "node:child_process";

/** Every namespace the lab makes carries this prefix, so cleanup never touches anyone else's. */
export const NS_PREFIX = "duetlab-";

/** Runs a command to completion; throws with its stderr, so a broken topology stops the run at once. */
export function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: "utf8", input });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** Runs a command inside a network namespace. */
export function inNs(ns: string, command: string, args: string[], input?: string): string {
  return run("ip", ["netns", "exec", ns, command, ...args], input);
}

/** Loads an nftables ruleset (nft -f syntax) into a namespace in one transaction. */
export function nft(ns: string, ruleset: string): void {
  inNs(ns, "nft", ["-f", "-"], ruleset);
}

/** Fails with one clear line when the lab cannot be built on this machine. */
export function assertLabPrerequisites(): void {
  if (process.getuid?.() !== 0) throw new Error("test:network builds network namespaces and must run as root (sudo npm run test:network)");
  for (const [command, pkg] of [
    ["ip", "iproute2"],
    ["nft", "nftables"],
    ["turnserver", "coturn"],
    ["chromium", "chromium"],
  ] as const) {
    const found = spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
    if (!found) throw new Error(`test:network needs \`${command}\`: apt-get install -y ${pkg}`);
  }
}
