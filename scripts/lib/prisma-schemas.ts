import { existsSync } from "node:fs";
import path from "node:path";
import type { TDatabaseProvider } from "../../lib/server/db/database-url";

/**
 * The nearest folder above this file with a package.json: the repository when run from source,
 * the production tree when compiled into its dist/scripts/lib/. Anchored to this file, not to
 * the cwd, so the scripts work from any directory.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No package.json above ${from}`);
  }
}

export const REPO_ROOT = findProjectRoot(__dirname);
export const PRISMA_DIR = path.join(REPO_ROOT, "prisma");
/** The provider-neutral model everyone edits. */
export const SOURCE_SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
/**
 * A copy of the source schema as of the newest committed migration. New migrations are the diff
 * from it to the source schema; see scripts/db-new-migration.ts for why not from a database.
 */
export const MIGRATED_SCHEMA_PATH = path.join(PRISMA_DIR, "migrated-schema.prisma");

export function getProviderSchemaPath(provider: TDatabaseProvider): string {
  return path.join(PRISMA_DIR, provider, "schema.prisma");
}

export function getMigrationsDir(provider: TDatabaseProvider): string {
  return path.join(PRISMA_DIR, provider, "migrations");
}

const PLACEHOLDER = "PROVIDER";

/**
 * Turns the provider-neutral source into prisma/<provider>/schema.prisma: fills in the provider
 * and rewrites the generator's relative `output` so it still points at the same folder from
 * one directory deeper.
 */
export function renderProviderSchema(source: string, provider: TDatabaseProvider): string {
  if (!/provider\s*=\s*"PROVIDER"/.test(source) || !/output\s*=\s*"[^"]*PROVIDER[^"]*"/.test(source)) {
    throw new Error(
      `${path.relative(REPO_ROOT, SOURCE_SCHEMA_PATH)} must keep the ${PLACEHOLDER} placeholder in the datasource provider and the generator output`,
    );
  }
  const targetDir = path.dirname(getProviderSchemaPath(provider));
  const body = source
    .replace(/(output\s*=\s*")([^"]+)(")/, (_match, open: string, output: string, close: string) => {
      const absolute = path.resolve(PRISMA_DIR, output.replaceAll(PLACEHOLDER, provider));
      return open + path.relative(targetDir, absolute).split(path.sep).join("/") + close;
    })
    .replaceAll(`"${PLACEHOLDER}"`, `"${provider}"`);
  return `// Generated from prisma/schema.prisma by scripts/db-generate.ts. Do not edit: edit the source.\n\n${body}`;
}
