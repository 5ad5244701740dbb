import path from "node:path";
import { startDuet } from "./duet-process";
import { freePort } from "./free-port";

/**
 * One Duet for the whole e2e run; specs read its address from DUET_E2E_URL, and its SQLite file
 * (to check what was written, read-only) from DUET_E2E_DATABASE_FILE.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const duet = await startDuet({ port: await freePort() });
  process.env.DUET_E2E_URL = duet.url;
  process.env.DUET_E2E_DATABASE_FILE = path.join(duet.dataDir, "duet.db");
  return () => duet.stop();
}
