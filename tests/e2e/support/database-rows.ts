import Database from "better-sqlite3";

/**
 * Rows in every table of the shared e2e Duet's SQLite file (global-setup names it), read-only
 * beside the running server: proof that requests wrote nothing, wherever they could have.
 */
export function countDuetRows(): Record<string, number> {
  const file = process.env.DUET_E2E_DATABASE_FILE;
  if (!file) throw new Error("DUET_E2E_DATABASE_FILE is not set: run the spec through tests/e2e/playwright.config.ts");
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
      name: string;
    }>;
    return Object.fromEntries(tables.map(({ name }) => [name, (database.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    database.close();
  }
}
