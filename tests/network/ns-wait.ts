/**
 * Run inside a lab namespace (`ip netns exec NS tsx ns-wait.ts …`): the test runner lives in
 * the host namespace and cannot reach lab addresses itself. Polls until the service answers,
 * prints the epoch ms at which it first did, and exits 0; exits 1 after the deadline.
 *   ns-wait.ts http <url> <timeoutMs>         — until GET <url> answers 2xx
 *   ns-wait.ts stun <host> <port> <timeoutMs> — until a STUN Binding request is answered
 */
import { setTimeout as pause } from "node:timers/promises";
import { stunBinding } from "../e2e/support/stun";

async function httpOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await pause(50);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  if (kind === "http") await httpOk(args[0]!, Number(args[1]));
  else if (kind === "stun") await stunBinding(args[0]!, Number(args[1]), Number(args[2]));
  else throw new Error(`unknown check: ${kind}`);
  process.stdout.write(`${Date.now()}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
