/**
 * Bench files run as plain JavaScript, for the processes whose memory must be production's:
 * `node dist/server.js` and the idle ladder. Under tsx they would carry its loader (~30 MB), the
 * source maps it turns on for the whole process (Next's chunks then keep theirs: ~20 MB of heap)
 * and its reads of the files it loads (~15 MB for Prisma's query compiler), none of which
 * production pays.
 */
import { build } from "esbuild";
import path from "node:path";
import { ROOT } from "./child";

/** Beside node_modules, so the bundles' packages resolve as they do from the project. */
const OUT_DIR = path.join(ROOT, "node_modules/.cache/duet-bench");

/**
 * `file` (of this folder) and the bench modules it imports, bundled into one CommonJS file;
 * packages stay `require`s. Returns the bundle's path.
 */
export async function bundleForNode(file: string): Promise<string> {
  const outfile = path.join(OUT_DIR, file.replace(/\.ts$/, ".js"));
  await build({
    entryPoints: [path.join(__dirname, file)],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}
