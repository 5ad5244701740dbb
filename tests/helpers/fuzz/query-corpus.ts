import type * as z from "../../../lib/shared/zod";
import { HOSTILE_KEYS, JunkMaker } from "./junk";
import { percentEncode } from "./percent-encode";
import { Prng } from "./prng";

export interface QueryCorpusOptions {
  seed: number;
  count: number;
  /** The query's own parameters, e.g. ["before", "limit"]. */
  keys: readonly string[];
  /** The route's schema for `Object.fromEntries(searchParams)`: a query it accepts is not used. */
  schema: z.ZodMiniType;
}

/** Percent-escapes as URLs carry them, well-formed or not. */
const RAW_VALUES = [
  "",
  "%00",
  "%zz",
  "%",
  "%ff%fe",
  "%e2%80%ae",
  "%ed%a0%80",
  "-1",
  "0",
  "1.5",
  "1e3",
  "201",
  "9999999999999999999999",
  "NaN",
  "Infinity",
  "0x10",
  " 5",
  "5 ",
  "true",
  "null",
  "[]",
  "{}",
  "cm0000000000000000000000%00",
] as const;

/**
 * Query strings a route must refuse, deterministic for a seed: each of its parameters given junk
 * (wrong types, out of range, bad escapes, NUL, huge), repeated, or joined by unknown ones.
 */
export function queryCorpus({ seed, count, keys, schema }: QueryCorpusOptions): string[] {
  const rng = new Prng(seed);
  const junk = new JunkMaker(rng, { hugeStringBytes: 20_000 });
  const value = () => {
    if (rng.chance(0.5)) return rng.pick(RAW_VALUES);
    const junkValue = junk.value(3);
    return percentEncode(typeof junkValue === "string" ? junkValue : JSON.stringify(junkValue));
  };
  const queries: string[] = [];
  while (queries.length < count) {
    junk.startPayload();
    const pairs: string[] = [];
    for (const key of keys) {
      const times = rng.pick([0, 1, 1, 1, 2]);
      for (let i = 0; i < times; i++) pairs.push(`${key}=${value()}`);
    }
    if (rng.chance(0.3)) pairs.push(`${percentEncode(rng.pick([...HOSTILE_KEYS, "limit[]", "before[0]", "a"]))}=${value()}`);
    const query = pairs.sort(() => rng.next() - 0.5).join("&");
    if (schema.safeParse(Object.fromEntries(new URLSearchParams(query))).success) continue;
    queries.push(query);
  }
  return queries;
}

/**
 * Path segments where an id belongs (percent-encoded junk: NUL, bad escapes, huge, hostile),
 * never one a URL parser would resolve away ("." or "..") or route elsewhere (empty).
 */
export function pathSegmentCorpus(seed: number, count: number): string[] {
  const rng = new Prng(seed);
  const junk = new JunkMaker(rng, { hugeStringBytes: 2_000 });
  return Array.from({ length: count }, () => {
    const value = junk.value(3);
    const segment = rng.chance(0.3) ? rng.pick(RAW_VALUES) : percentEncode(typeof value === "string" ? value : JSON.stringify(value));
    return /^(\.|%2e){0,2}$/i.test(segment) ? `x${segment}` : segment;
  });
}
