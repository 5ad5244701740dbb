// npm run db:migrate — applies pending migrations to DATABASE_URL, from the environment or a .env
// file as the server reads it (default file:./data/duet.db, a path relative to the current directory). Prints one line per applied migration; on failure
// prints one line and exits 1. See scripts/lib/migrate-database.ts.
import { loadEnvConfig } from "@next/env";
import { migrateDatabase } from "./lib/migrate-database";

const DEFAULT_DATABASE_URL = "file:./data/duet.db";

async function main(): Promise<void> {
  // The .env files the server reads, with the same precedence, or `npm start` would migrate one
  // database and serve another. Read directly, not through lib/server/env: that module validates
  // (and requires) the whole app configuration, which a migration has no use for.
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  const databaseUrl = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const { applied } = await migrateDatabase(databaseUrl);
  for (const name of applied) console.log(`Applied migration ${name}`);
  if (applied.length === 0) console.log("Database is up to date: no pending migrations.");
}

void main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Engine messages span lines ("Can't reach database server at …\n\nPlease make sure …").
  console.error(`db:migrate failed: ${message.replace(/\s*\n\s*/g, " ").trim()}`);
  process.exit(1);
});
