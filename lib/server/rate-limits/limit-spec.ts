import { z } from "zod";

/** A fixed-window allowance: `points` actions per `durationSec` seconds. null: no limit. */
export type TLimitSpec = { points: number; durationSec: number } | null;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/**
 * An env value such as `10/15m` (10 per 15 minutes), `30/10s`, `50/1h`, or `off`. Durations
 * are whole seconds because Redis counters expire in whole seconds.
 */
export const ZLimitSpec = z
  .string()
  .trim()
  .transform((value, ctx): TLimitSpec => {
    if (value === "off") return null;
    const match = /^(\d+)\s*\/\s*(\d+)\s*([smh])$/.exec(value);
    const points = Number(match?.[1]);
    const durationSec = Number(match?.[2]) * UNIT_SECONDS[(match?.[3] ?? "s") as keyof typeof UNIT_SECONDS];
    if (!match || points < 1 || durationSec < 1) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a limit like 10/15m (actions/duration in s, m or h) or off` });
      return z.NEVER;
    }
    return { points, durationSec };
  });
