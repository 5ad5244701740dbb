import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** What `npm run build` makes and the Docker image ships (scripts/build/complete-production-tree.ts). */
const BUILT_TREE = path.resolve(__dirname, "../../.next/standalone");

/** What production runs with `node`, from the tree's root: the image's CMD, the systemd units. */
export const MIGRATE_SCRIPT = "dist/scripts/db-migrate.js";
export const SERVER_SCRIPT = "dist/server.js";

export interface ProductionTree {
  dir: string;
  remove(): void;
}

/**
 * A copy of the production tree outside the repository, to run tests against. Inside it, Node
 * would fall back to the repository's node_modules for any file the build failed to put in the
 * tree, and hide exactly the omission that breaks the Docker image.
 */
export function copyProductionTree(): ProductionTree {
  if (!existsSync(path.join(BUILT_TREE, SERVER_SCRIPT))) throw new Error(`${BUILT_TREE} has no ${SERVER_SCRIPT}: run npm run build first`);
  const dir = mkdtempSync(path.join(tmpdir(), "duet-production-tree-"));
  cpSync(BUILT_TREE, dir, { recursive: true, verbatimSymlinks: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the production tree named by DUET_E2E_TREE, from which startDuet
 * (tests/e2e/support/duet-process.ts) runs Duet: the e2e suite's global setup and the benchmarks
 * start it so. Returns the function that removes the copy.
 */
export function useProductionTreeCopy(): () => void {
  const tree = copyProductionTree();
  process.env.DUET_E2E_TREE = tree.dir;
  return () => {
    delete process.env.DUET_E2E_TREE;
    tree.remove();
  };
}
