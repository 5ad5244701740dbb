import { mkdir } from "node:fs/promises";
import path from "node:path";
import { getDatabaseProvider, getSqliteFilePath } from "../../lib/server/db/database-url";
import { readMigrationList } from "./migrations";
import { REPO_ROOT } from "./prisma-schemas";
import { NO_SCHEMA_FILTER, runSchemaEngine } from "./schema-engine";

/**
 * Applies the pending migrations of prisma/<provider>/migrations to `databaseUrl`, the provider
 * chosen by the URL's scheme. This is `prisma migrate deploy`, run by the same schema engine
 * (its WebAssembly build): applied migrations are recorded in `_prisma_migrations` with the same
 * checksums, so a second run applies nothing, and the Prisma CLI can take over later.
 * A relative SQLite path is resolved against the current working directory; its folder is
 * created if missing. Returns the names of the migrations applied by this call, in order.
 */
export async function migrateDatabase(databaseUrl: string): Promise<{ applied: string[] }> {
  const provider = getDatabaseProvider(databaseUrl);
  const migrationsList = await readMigrationList(provider);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${path.relative(REPO_ROOT, migrationsList.baseDir)}`);
  }
  let url = databaseUrl;
  if (provider === "sqlite") {
    url = getSqliteFilePath(databaseUrl);
    await mkdir(path.dirname(url), { recursive: true });
  }
  const { appliedMigrationNames } = await runSchemaEngine({ provider, url }, "applyMigrations", {
    migrationsList,
    filters: NO_SCHEMA_FILTER,
  });
  return { applied: appliedMigrationNames };
}
