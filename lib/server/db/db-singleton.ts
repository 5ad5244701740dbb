import { processSingleton } from "../process-singleton";
import { createDbClient, type TDbClient } from "./create-db-client";

/** One client per database URL for the whole process (and, for SQLite, one connection to the file). */
export function getDbClient(databaseUrl: string): TDbClient {
  return processSingleton(`db:${databaseUrl}`, () => createDbClient(databaseUrl));
}
