import path from "node:path";

/** The databases Duet runs on. Each has its own generated client and migrations folder. */
export const DATABASE_PROVIDERS = ["sqlite", "postgresql"] as const;
export type TDatabaseProvider = (typeof DATABASE_PROVIDERS)[number];

/** `file:…` is SQLite, `postgres://…` / `postgresql://…` is PostgreSQL (the same rule as the env schema). */
export function getDatabaseProvider(databaseUrl: string): TDatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? "(no scheme)";
  throw new Error(`Unsupported DATABASE_URL scheme ${scheme}: use file:<path> (SQLite) or postgresql://… (PostgreSQL)`);
}

/**
 * The absolute path of the SQLite file behind a `file:` URL. A relative path is resolved against
 * the current working directory (what better-sqlite3 itself does), so `file:./data/duet.db` means
 * `<cwd>/data/duet.db`. Resolving it once, here, keeps the migrator and the app on the same file.
 */
export function getSqliteFilePath(databaseUrl: string): string {
  const location = databaseUrl.slice("file:".length);
  if (location.includes("?")) {
    throw new Error("SQLite DATABASE_URL takes no query parameters: use file:<path>");
  }
  // file:///abs/path (URL form) and file:/abs/path both mean an absolute path.
  const filePath = location.startsWith("//") ? decodeURIComponent(new URL(databaseUrl).pathname) : location;
  if (filePath === "" || filePath === ":memory:") {
    throw new Error("SQLite DATABASE_URL needs a file path (an in-memory database is not supported)");
  }
  // turbopackIgnore: a runtime path, not a file to bundle (else Next traces the whole project).
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), filePath);
}
