// Dev tool: npx tsx scripts/db-new-migration.ts <name>
//
// Writes prisma/{sqlite,postgresql}/migrations/<UTC timestamp>_<name>/migration.sql — the SQL
// that takes each database from the schema of the previous migration to prisma/schema.prisma —
// in Prisma's standard layout (plus migration_lock.toml), then records the new state in
// prisma/migrated-schema.prisma. Review the SQL, then commit all of it.
//
// Why diff from a saved schema, not (as `prisma migrate dev` does) from a shadow database the
// old migrations are replayed into: through driver adapters the WebAssembly engine can replay
// into neither provider (SQLite's shadow replay sends multi-statement SQL through a
// single-statement call; adapter-pg cannot read PostgreSQL's catalog "char" columns when
// describing the result). A datamodel-to-datamodel diff needs no database at all. For SQLite we
// still check, on a scratch file, that the committed migrations really produce the saved schema.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SchemasContainer } from "@prisma/schema-engine-wasm";
import { DATABASE_PROVIDERS, type TDatabaseProvider } from "../lib/server/db/database-url";
import { HAND_WRITTEN_TABLES_FILTER } from "./lib/hand-written-tables";
import { migrateDatabase } from "./lib/migrate-database";
import { MIGRATION_LOCK_FILE, MIGRATION_SCRIPT_FILE, readMigrationList, renderMigrationLock } from "./lib/migrations";
import {
  getMigrationsDir,
  getProviderSchemaPath,
  MIGRATED_SCHEMA_PATH,
  renderProviderSchema,
  REPO_ROOT,
  SOURCE_SCHEMA_PATH,
} from "./lib/prisma-schemas";
import { NO_SCHEMA_FILTER, runSchemaEngine } from "./lib/schema-engine";

/** Datamodel diffs need no database, but the engine wants a connection: an in-memory SQLite one. */
const NO_DATABASE = { provider: "sqlite", url: "" } as const;

function datamodel(source: string, provider: TDatabaseProvider): SchemasContainer {
  const file = path.relative(REPO_ROOT, getProviderSchemaPath(provider));
  return { files: [{ path: file, content: renderProviderSchema(source, provider) }] };
}

/** 20261124031500 — the UTC timestamp prefix `prisma migrate dev` gives migration folders. */
function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Prisma's own rule: lower-case letters, digits and underscores. */
function normalizeName(raw: string | undefined): string {
  const name = (raw ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new Error("usage: npx tsx scripts/db-new-migration.ts <name>   (e.g. add_room_topic)");
  return name;
}

/** Fails if the committed SQLite migrations do not build exactly `migratedSource`. */
async function checkSqliteMigrationsMatch(migratedSource: string): Promise<void> {
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), "duet-new-migration-"));
  try {
    const file = path.join(scratchDir, "scratch.db");
    await migrateDatabase(`file:${file}`);
    const drift = await runSchemaEngine({ provider: "sqlite", url: file }, "diff", {
      // The live database behind the adapter, described by the engine.
      from: { tag: "schemaDatasource", configDir: REPO_ROOT, ...datamodel(migratedSource, "sqlite") },
      to: { tag: "schemaDatamodel", ...datamodel(migratedSource, "sqlite") },
      script: true,
      exitCode: true,
      filters: HAND_WRITTEN_TABLES_FILTER,
    });
    if (drift.exitCode !== 0) {
      throw new Error(
        `${path.relative(REPO_ROOT, MIGRATED_SCHEMA_PATH)} does not match prisma/sqlite/migrations; ` +
          `the committed migrations need this to catch up:\n${drift.stdout ?? ""}`,
      );
    }
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const name = normalizeName(process.argv[2]);
  const source = await readFile(SOURCE_SCHEMA_PATH, "utf8");
  const migratedSource = await readFile(MIGRATED_SCHEMA_PATH, "utf8").catch(() => null);

  for (const provider of DATABASE_PROVIDERS) {
    const { migrationDirectories } = await readMigrationList(provider);
    if (migrationDirectories.length > 0 !== (migratedSource !== null)) {
      throw new Error(
        `prisma/${provider}/migrations and ${path.relative(REPO_ROOT, MIGRATED_SCHEMA_PATH)} disagree: ` +
          "one exists without the other (restore it from git)",
      );
    }
  }
  if (migratedSource !== null) await checkSqliteMigrationsMatch(migratedSource);

  const scripts = new Map<TDatabaseProvider, string>();
  for (const provider of DATABASE_PROVIDERS) {
    const { exitCode, stdout } = await runSchemaEngine(NO_DATABASE, "diff", {
      from: migratedSource === null ? { tag: "empty" } : { tag: "schemaDatamodel", ...datamodel(migratedSource, provider) },
      to: { tag: "schemaDatamodel", ...datamodel(source, provider) },
      script: true,
      exitCode: true, // 0: no changes, 2: changes
      filters: NO_SCHEMA_FILTER,
    });
    if (exitCode !== 0 && stdout) scripts.set(provider, stdout);
  }
  if (scripts.size === 0) {
    console.log("No schema changes since the last migration: nothing written.");
    return;
  }

  const folder = `${migrationTimestamp(new Date())}_${name}`;
  for (const provider of DATABASE_PROVIDERS) {
    const migrationsDir = getMigrationsDir(provider);
    const script = scripts.get(provider) ?? "-- This is an empty migration.\n";
    await mkdir(path.join(migrationsDir, folder), { recursive: true });
    await writeFile(path.join(migrationsDir, folder, MIGRATION_SCRIPT_FILE), script);
    await writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), renderMigrationLock(provider));
    console.log(`Created ${path.relative(REPO_ROOT, path.join(migrationsDir, folder, MIGRATION_SCRIPT_FILE))}`);
  }
  await copyFile(SOURCE_SCHEMA_PATH, MIGRATED_SCHEMA_PATH);
  console.log(`Updated ${path.relative(REPO_ROOT, MIGRATED_SCHEMA_PATH)}. Review the SQL, run npm run db:migrate, commit.`);
}

void main().catch((error: unknown) => {
  console.error(`db-new-migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
