// npm run build — everything production runs, made ahead of time:
//   1. the Prisma clients (db:generate),
//   2. the server graph compiled to dist/ (scripts/build/compile-server.ts),
//   3. `next build`, whose server code requires that graph instead of bundling it (next.config.js),
//   4. the production tree, .next/standalone (scripts/build/complete-production-tree.ts),
// then a stamp saying which sources it was built from (scripts/build/build-stamp.ts).
import { spawnSync } from "node:child_process";
import { forgetBuildStamp, hashBuildInputs, writeBuildStamp } from "./build-stamp";
import { compileServer } from "./compile-server";
import { completeProductionTree } from "./complete-production-tree";
import { reportProductionTree } from "./measure-production-tree";
import { PROJECT_ROOT } from "./paths";

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

export async function buildDuet(): Promise<void> {
  // Hashed before anything runs: a file edited during the build makes the next `npm start` rebuild.
  const inputs = await hashBuildInputs();
  await forgetBuildStamp();
  run([require.resolve("tsx/cli"), "scripts/db-generate.ts"]);
  await compileServer();
  run([require.resolve("next/dist/bin/next"), "build"]);
  await completeProductionTree();
  await reportProductionTree();
  await writeBuildStamp(inputs);
}

if (require.main === module) {
  buildDuet().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
