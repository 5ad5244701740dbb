import type { TDbClient } from "./db/create-db-client";
import { isShuttingDown } from "./lifecycle";
import { getRedisClient } from "./redis-client";

export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | "failing" | "stopping">;
}

const CHECK_TIMEOUT_MS = 2000;

/** Whether this node can serve: its database answers, Redis too when configured, and it is not stopping. */
export async function checkReadiness(db: TDbClient, redisUrl: string | undefined): Promise<Readiness> {
  const checks: Readiness["checks"] = {};
  const [database, redis] = await Promise.all([
    passes(() => db.room.findFirst({ select: { id: true } })),
    redisUrl ? passes(() => getRedisClient(redisUrl).ping()) : Promise.resolve(null),
  ]);
  checks.database = database ? "ok" : "failing";
  if (redis !== null) checks.redis = redis ? "ok" : "failing";
  if (isShuttingDown()) checks.process = "stopping";
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}

async function passes(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
