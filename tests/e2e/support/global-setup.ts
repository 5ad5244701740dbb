import path from "node:path";
import { useProductionTreeCopy } from "../../support/production-tree";
import { startDuet } from "./duet-process";
import { freePort } from "./free-port";

/**
 * One Duet for the whole e2e run, from a copy of the production tree (DUET_E2E_TREE, which every
 * spec's startDuet uses too); specs read its address from DUET_E2E_URL, and its SQLite file (to
 * check what was written, read-only) from DUET_E2E_DATABASE_FILE.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const removeTree = useProductionTreeCopy();
  const duet = await startDuet({ port: await freePort() });
  process.env.DUET_E2E_URL = duet.url;
  process.env.DUET_E2E_DATABASE_FILE = path.join(duet.dataDir, "duet.db");
  return async () => {
    await duet.stop();
    removeTree();
  };
}
