/**
 * `npm run bench:sign-in`: 200 simultaneous password sign-ins, and the peak memory they cost,
 * without the argon2 gate and with it, each in a fresh child process of this one, side by side.
 *
 * In process, not over HTTP: each attempt runs `authorizeCredentials`, the function next-auth's
 * credentials `authorize` calls for POST /api/auth/callback/credentials (input parsing, the
 * sign-in limits, the user lookup, argon2id verification behind the gate). The rate limits are
 * off here, or the per-address limit would refuse most attempts before any hashing. Every
 * attempt is a wrong password for a real account, so each one costs a full verification.
 *   peak RSS: the process's resident memory, sampled every 2 ms during the flood.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { authorizeCredentials } from "../../lib/server/auth/authorize-credentials";
import { configurePasswordGate } from "../../lib/server/auth/password";
import { CLIENT_IP_HEADER } from "../../lib/server/http/client-ip";
import { createRateLimits } from "../../lib/server/rate-limits/create-rate-limits";
import { LIMITS, type TLimitConfigs } from "../../lib/server/rate-limits/limit-names";
import { seedUser } from "../../tests/helpers/seed";
import { createTestDatabase } from "../../tests/helpers/test-database";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 200);
const VARIANTS = {
  "no gate": null,
  "gate 2, queue 32 (default)": { concurrency: 2, maxQueue: 32 },
  "gate 2, queue 200": { concurrency: 2, maxQueue: 200 },
} as const;
type TVariant = keyof typeof VARIANTS;

interface Result {
  variant: TVariant;
  baselineMiB: number;
  peakMiB: number;
  refused: number;
  wrong: number;
  seconds: number;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function flood(variant: TVariant): Promise<Result> {
  const database = await createTestDatabase("sqlite");
  const user = await seedUser(database.db, "Ada");
  configurePasswordGate(VARIANTS[variant]);
  const limitsOff = Object.fromEntries(Object.keys(LIMITS).map((name) => [name, { steady: null, burst: null }])) as TLimitConfigs;
  const deps = { db: database.db, rateLimits: createRateLimits({ limits: limitsOff }) };
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: ATTEMPTS }, (_, i) =>
      authorizeCredentials(deps, { email: user.email, password: `wrong guess ${i}` }, { [CLIENT_IP_HEADER]: `198.51.100.${i % 250}` }).then(
        (signedIn) => (signedIn ? "signed in" : "wrong"),
        (error: unknown) => ((error as Error).message.startsWith("UNAVAILABLE:") ? "refused" : Promise.reject(error)),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  await database.cleanup();
  return {
    variant,
    baselineMiB: mib(baseline),
    peakMiB: mib(peak),
    refused: outcomes.filter((o) => o === "refused").length,
    wrong: outcomes.filter((o) => o === "wrong").length,
    seconds: Math.round(seconds * 100) / 100,
  };
}

function runChild(variant: TVariant): Result {
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", __filename, "--child", variant], {
    encoding: "utf8",
    env: process.env,
  });
  if (child.status !== 0) throw new Error(`${variant}: ${child.stderr || child.stdout}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Result;
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf("--child");
  if (childIndex !== -1) {
    process.stdout.write(`${JSON.stringify(await flood(process.argv[childIndex + 1] as TVariant))}\n`);
    process.exit(0);
  }
  console.log(
    `${ATTEMPTS} simultaneous sign-ins (wrong passwords, argon2id 19 MiB), UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"}`,
  );
  const rows = (Object.keys(VARIANTS) as TVariant[]).map(runChild);
  console.table(
    rows.map((r) => ({
      variant: r.variant,
      "RSS before (MiB)": r.baselineMiB,
      "peak RSS (MiB)": r.peakMiB,
      "peak − before (MiB)": Math.round((r.peakMiB - r.baselineMiB) * 10) / 10,
      checked: r.wrong,
      "refused (busy)": r.refused,
      seconds: r.seconds,
    })),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
