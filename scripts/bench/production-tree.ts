import { copyProductionTree } from "../../tests/support/production-tree";

/**
 * Benchmarks start Duet as the e2e suite does (tests/e2e/support/duet-process.ts): from a copy
 * of the production tree that `npm run build` made, named by DUET_E2E_TREE. Returns the
 * function that removes the copy.
 */
export function useProductionTreeCopy(): () => void {
  const tree = copyProductionTree();
  process.env.DUET_E2E_TREE = tree.dir;
  return () => {
    delete process.env.DUET_E2E_TREE;
    tree.remove();
  };
}
