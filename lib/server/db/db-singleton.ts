import { createDbClient, type TDbClient } from "./create-db-client";

const clients = new Map<string, TDbClient>();

/** One client per database URL for the whole process (and, for SQLite, one connection to the file). */
export function getDbClient(databaseUrl: string): TDbClient {
  let client = clients.get(databaseUrl);
  if (!client) clients.set(databaseUrl, (client = createDbClient(databaseUrl)));
  return client;
}
