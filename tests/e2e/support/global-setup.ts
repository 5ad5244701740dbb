import { startDuet } from "./duet-process";
import { freePort } from "./free-port";

/** One Duet for the whole e2e run; specs read its address from DUET_E2E_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const duet = await startDuet({ port: await freePort() });
  process.env.DUET_E2E_URL = duet.url;
  return () => duet.stop();
}
