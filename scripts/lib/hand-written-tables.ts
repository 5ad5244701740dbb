import type { SchemaFilter } from "@prisma/schema-engine-wasm";
import { NO_SCHEMA_FILTER } from "./schema-engine";

/**
 * Tables that migrations create in hand-written SQL and no Prisma model describes: SQLite's
 * full-text search over chat (see prisma/sqlite/migrations/*_call_records_and_search). FTS5
 * makes the `_config`, `_data`, `_docsize` and `_idx` shadow tables itself. Comparing a
 * migrated database with the data model must leave them out, or it asks to drop them.
 */
export const HAND_WRITTEN_TABLES = [
  "MessageSearch",
  "MessageSearch_config",
  "MessageSearch_data",
  "MessageSearch_docsize",
  "MessageSearch_idx",
  "MessageSearchDoc",
] as const;

export const HAND_WRITTEN_TABLES_FILTER: SchemaFilter = { ...NO_SCHEMA_FILTER, externalTables: [...HAND_WRITTEN_TABLES] };
