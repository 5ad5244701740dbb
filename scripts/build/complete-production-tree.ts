// The last step of `npm run build`: turns Next's standalone output (.next/standalone: its server
// files and the node_modules files they need, found by Next's output file tracing) into Duet's
// production tree — what the Docker image ships and the e2e tests run. Next traces only its own
// server; Duet's server graph (dist/) is required from it by a path Next cannot see, so it is
// traced here the same way (@vercel/nft, the tracer Next uses) and added, with the migrations.
import { nodeFileTrace } from "@vercel/nft";
import { existsSync } from "node:fs";
import { cp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { DIST_DIR, NEXT_DIR, PRODUCTION_TREE_DIR, PROJECT_ROOT } from "./paths";

/**
 * Read at run time by paths the tracer cannot follow: the migrations (a folder listing), the
 * schema engine's .wasm (located next to its package entry), and what `next()` resolves, without
 * loading it, through a computed require.resolve while it loads next.config.js (Next's own
 * standalone server skips that step by a private setting; Duet starts Next the documented way).
 */
const UNTRACEABLE = [
  "prisma/sqlite/migrations",
  "prisma/postgresql/migrations",
  "node_modules/@prisma/schema-engine-wasm",
  "node_modules/next/dist/compiled/webpack",
  "node_modules/next/dist/compiled/@babel/runtime/package.json",
];
/**
 * Left out of the trace. `require("next")`, the server's way into Next, is traced by Next itself
 * (the standalone output): a static trace from here would also follow its development half (the
 * bundlers, @next/swc: 100+ MB) that a production server never loads. tsx: next.config.js
 * loads it for `next build` and `next dev` only.
 */
const NOT_TRACED = (file: string) => file === "node_modules/next/dist/server/next.js" || file.startsWith("node_modules/tsx/");

async function listJavaScript(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Every file the compiled server graph may load (all of dist/: Next's stubs may require any
 * module of it), and next.config.js, which Next loads when the server starts.
 */
async function traceServerGraph(): Promise<string[]> {
  const entries = [...(await listJavaScript(DIST_DIR)), path.join(PROJECT_ROOT, "next.config.js")];
  const { fileList, warnings } = await nodeFileTrace(entries, { base: PROJECT_ROOT, ignore: NOT_TRACED });
  for (const warning of warnings) {
    // Optional requires that are absent on purpose (pg-native, bufferutil…) are expected; anything else is worth a look.
    if (!/Cannot find module/.test(warning.message)) console.warn(`trace: ${warning.message}`);
  }
  return [...fileList];
}

/** Copies a file or folder to the same place in the tree (over what Next may have put there: the same files). */
async function copyIntoTree(relative: string): Promise<void> {
  await cp(path.join(PROJECT_ROOT, relative), path.join(PRODUCTION_TREE_DIR, relative), { recursive: true, verbatimSymlinks: true });
}

export async function completeProductionTree(): Promise<void> {
  if (!existsSync(PRODUCTION_TREE_DIR))
    throw new Error(`${path.relative(PROJECT_ROOT, PRODUCTION_TREE_DIR)} is missing: next.config.js must set output "standalone" for next build`);
  // Next's minimal server.js would serve pages without Socket.IO, headers or graceful shutdown: dist/server.js is Duet's.
  await rm(path.join(PRODUCTION_TREE_DIR, "server.js"), { force: true });
  await cp(DIST_DIR, path.join(PRODUCTION_TREE_DIR, "dist"), { recursive: true });
  // Next leaves the browser assets out of standalone (a CDN could serve them); Duet serves them itself.
  await cp(path.join(NEXT_DIR, "static"), path.join(PRODUCTION_TREE_DIR, ".next/static"), { recursive: true });
  const traced = (await traceServerGraph()).filter((file) => !file.startsWith(`dist${path.sep}`));
  for (const file of [...traced, ...UNTRACEABLE]) await copyIntoTree(file);
}

if (require.main === module) {
  completeProductionTree().catch((error: unknown) => {
    console.error(`complete-production-tree: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
