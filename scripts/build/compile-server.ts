// A step of `npm run build` (scripts/build/build.ts): compiles Duet's server graph — server.ts, lib/server, lib/shared and
// the migration script — to plain CommonJS under dist/, one .js file per .ts file, so production
// runs `node dist/server.js` with no compiler loaded. One file per module, not one bundle: Next's
// route handlers require these same files (see scripts/build/server-graph-loader.js), and Node's
// module cache then holds one instance of each module for the whole process.
import { build, type Plugin } from "esbuild";
import { copyFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { DIST_DIR, PROJECT_ROOT, SERVER_GRAPH_DIRS } from "./paths";

/** Entry points besides the lib/ folders: the composition root and the migration command. */
const ENTRY_FILES = ["server.ts", "scripts/db-migrate.ts"];
const ENTRY_DIRS = [...SERVER_GRAPH_DIRS, "scripts/lib"];
/** Loaded by path at run time (a worker thread), so esbuild never sees an import of it. */
const COPIED_FILES = ["scripts/lib/schema-engine-worker.mjs"];

async function listTypeScript(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)));
}

/**
 * Keeps every import as an import: packages stay `require("pkg")`, and a project file becomes a
 * relative require of its own compiled .js (tsconfig's `@/` alias resolved here, since Node
 * knows nothing of it). The output tree mirrors the source tree, so the relative path between
 * two compiled files is the one between their sources.
 */
const oneFilePerModule: Plugin = {
  name: "one-file-per-module",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === "entry-point" || args.pluginData === "resolving") return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const inProject = resolved.path.startsWith(PROJECT_ROOT + path.sep) && !resolved.path.includes(`${path.sep}node_modules${path.sep}`);
      if (!inProject) return { path: args.path, external: true };
      let target = path
        .relative(path.dirname(args.importer), resolved.path)
        .replace(/\.tsx?$/, ".js")
        .split(path.sep)
        .join("/");
      if (!target.startsWith(".")) target = `./${target}`;
      return { path: target, external: true };
    });
  },
};

/** Replaces dist/ with a fresh compile of the server graph. */
export async function compileServer(): Promise<void> {
  const entryPoints = [...ENTRY_FILES, ...(await Promise.all(ENTRY_DIRS.map(listTypeScript))).flat()];
  await rm(DIST_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints,
    outdir: DIST_DIR,
    outbase: PROJECT_ROOT,
    bundle: true,
    plugins: [oneFilePerModule],
    platform: "node",
    format: "cjs",
    target: "node20",
    // Readable output: stack traces name the same files and functions as the sources.
    minify: false,
    keepNames: true,
    logLevel: "warning",
  });
  await Promise.all(COPIED_FILES.map((file) => copyFile(path.join(PROJECT_ROOT, file), path.join(DIST_DIR, file))));
  console.log(`Compiled ${entryPoints.length} server modules to ${path.relative(PROJECT_ROOT, DIST_DIR)}/`);
}
