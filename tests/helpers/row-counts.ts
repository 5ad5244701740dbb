import type { TDbClient } from "@/lib/server/db/create-db-client";
import { Prisma } from "@/lib/server/db/generated/sqlite/client";

export type TRowCounts = Record<Prisma.ModelName, number>;

/** Rows in every table of the schema; a model added later is counted without editing this. */
export async function countRows(db: TDbClient): Promise<TRowCounts> {
  const models = Object.values(Prisma.ModelName);
  const counts = await Promise.all(
    models.map((model) => {
      const delegate = db[`${model[0]!.toLowerCase()}${model.slice(1)}` as Uncapitalize<Prisma.ModelName>] as unknown as { count(): Promise<number> };
      return delegate.count();
    }),
  );
  return Object.fromEntries(models.map((model, i) => [model, counts[i]])) as TRowCounts;
}
