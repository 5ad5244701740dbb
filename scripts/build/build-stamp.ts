// Whether the build on disk was made from the sources on disk, so `npm start` rebuilds only when
// it must. A content hash, not modification times: a checkout, a `git stash` or a copied tree
// changes mtimes without changing what would be built, and a restored older file can carry an
// mtime older than the build although its content differs.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DIST_DIR, NEXT_DIR, PRODUCTION_TREE_DIR, PROJECT_ROOT } from "./paths";

/** Everything `npm run build` reads, relative to the project root (folders are read whole). */
export const BUILD_INPUTS = [
  "app",
  "lib",
  "prisma",
  "scripts",
  "server.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];
/** Written by the build itself from other inputs (prisma/schema.prisma, through db:generate). */
const DERIVED = ["lib/server/db/generated", "prisma/sqlite/schema.prisma", "prisma/postgresql/schema.prisma"];

const STAMP_FILE = path.join(NEXT_DIR, "duet-build.json");
const BUILD_ID_FILE = path.join(NEXT_DIR, "BUILD_ID");

interface TBuildStamp {
  /** sha256 over the build inputs' paths and contents. */
  inputs: string;
  /** Next's id of the build the stamp vouches for: a `next build` run on its own replaces it. */
  buildId: string;
  builtAt: string;
}

export type TBuildState = { current: true; builtAt: string } | { current: false; reason: string };

async function listFiles(root: string, relative: string): Promise<string[]> {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
  // Not a folder: the input is this one file.
  if (!entries) return [relative];
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const isDerived = (file: string) => DERIVED.some((derived) => file === derived || file.startsWith(`${derived}${path.sep}`));

/** The hash of the build inputs of the project at `root` as they are now. */
export async function hashBuildInputs(root = PROJECT_ROOT): Promise<string> {
  const files = (await Promise.all(BUILD_INPUTS.map((input) => listFiles(root, input)))).flat().filter((file) => !isDerived(file));
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    // The name too: a renamed file changes the build even with the same bytes.
    hash.update(`${file.split(path.sep).join("/")}\0`);
    hash.update(await readFile(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Called first by the build: an interrupted or failed build leaves no stamp, so it counts as stale. */
export async function forgetBuildStamp(): Promise<void> {
  await rm(STAMP_FILE, { force: true });
}

/** Called last by a successful build, with the hash taken before it started (an edit made during the build is not in it). */
export async function writeBuildStamp(inputs: string): Promise<void> {
  const stamp: TBuildStamp = { inputs, buildId: (await readFile(BUILD_ID_FILE, "utf8")).trim(), builtAt: new Date().toISOString() };
  await writeFile(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
}

export async function readBuildState(): Promise<TBuildState> {
  const stamp = await readFile(STAMP_FILE, "utf8").then(
    (text) => JSON.parse(text) as TBuildStamp,
    () => null,
  );
  if (!stamp) return { current: false, reason: "no complete build yet" };
  const buildId = await readFile(BUILD_ID_FILE, "utf8").then(
    (text) => text.trim(),
    () => null,
  );
  if (buildId !== stamp.buildId) return { current: false, reason: ".next was rebuilt or removed outside `npm run build`" };
  const outputs = [path.join(DIST_DIR, "server.js"), path.join(PRODUCTION_TREE_DIR, "dist/server.js")];
  if (!outputs.every((output) => existsSync(output))) return { current: false, reason: "part of the build output is missing" };
  if ((await hashBuildInputs()) !== stamp.inputs) return { current: false, reason: "the sources changed since the last build" };
  return { current: true, builtAt: stamp.builtAt };
}
