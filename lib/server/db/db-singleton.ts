import { createDbClient, type TDbClient } from "./create-db-client";

/**
 * One client per database URL for the whole process. The cache lives on globalThis, not in this
 * module, because the process loads this module more than once: Next bundles route handlers
 * with their own module instances, while server.ts loads it through plain Node. A module-level
 * cache would give each its own client (and, for SQLite, its own connection to the same file).
 * Dev-mode hot reloads re-evaluate the module too, and reuse the client the same way.
 */
const CACHE_KEY = Symbol.for("duet.db.clients");

type TGlobalWithDbClients = typeof globalThis & { [CACHE_KEY]?: Map<string, TDbClient> };

export function getDbClient(databaseUrl: string): TDbClient {
  const store = globalThis as TGlobalWithDbClients;
  const clients = (store[CACHE_KEY] ??= new Map());
  let client = clients.get(databaseUrl);
  if (!client) {
    client = createDbClient(databaseUrl);
    clients.set(databaseUrl, client);
  }
  return client;
}
