// npm run test:production-tree — prints the size of the production tree that `npm run build`
// made (.next/standalone: what the Docker image ships), with its largest parts, and fails above
// the ceiling: a dependency that drags its build tools into production shows up here first.
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { PRODUCTION_TREE_DIR, PROJECT_ROOT } from "./paths";

const CEILING_MIB = 250;
const MIB = 1024 * 1024;

/** Bytes of the regular files under `dir`, by their first path segment below it (packages by name). */
async function sizesByPart(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const segments = path.relative(dir, file).split(path.sep);
    // node_modules/@scope/name and node_modules/name are one part each; elsewhere the top folder.
    const depth = segments[0] === "node_modules" ? (segments[1]?.startsWith("@") ? 3 : 2) : 1;
    const part = segments.slice(0, Math.min(depth, segments.length - 1) || 1).join("/");
    sizes.set(part, (sizes.get(part) ?? 0) + (await lstat(file)).size);
  }
  return sizes;
}

/** Prints the tree's size and largest parts; false when it is past the ceiling. */
export async function reportProductionTree(): Promise<boolean> {
  const tree = path.relative(PROJECT_ROOT, PRODUCTION_TREE_DIR);
  const sizes = await sizesByPart(PRODUCTION_TREE_DIR).catch(() => {
    throw new Error(`${tree} is missing: run npm run build first`);
  });
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const largest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`Production tree (${tree}): ${(total / MIB).toFixed(1)} MiB, ceiling ${CEILING_MIB} MiB`);
  for (const [part, size] of largest) console.log(`  ${(size / MIB).toFixed(1).padStart(6)} MiB  ${part}`);
  return total <= CEILING_MIB * MIB;
}

if (require.main === module) {
  reportProductionTree().then(
    (withinCeiling) => {
      if (withinCeiling) return;
      console.error(`The production tree grew past ${CEILING_MIB} MiB: something build-only is being shipped (see the list above).`);
      process.exit(1);
    },
    (error: unknown) => {
      console.error(`measure-production-tree: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
