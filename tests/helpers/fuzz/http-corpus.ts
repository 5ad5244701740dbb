import type * as z from "../../../lib/shared/zod";
import { JunkMaker } from "./junk";
import { malform } from "./malform";
import { Prng } from "./prng";

/** One request body (or query) of a corpus, and the refusal it must get. */
export interface THttpFuzzCase {
  body: string | Buffer;
  /** null: no Content-Type header at all. */
  contentType: string | null;
  /** 413 for a body over the limit, else 422 (the route's validation) unless a route says otherwise. */
  expected: 413 | 422;
  what: string;
}

export interface JsonCorpusOptions {
  seed: number;
  count: number;
  /** A body the route accepts, to break. */
  valid: unknown;
  /** The route's schema: a generated body it would accept is not used. */
  schema: z.ZodMiniType;
  limitBytes: number;
}

const NOT_JSON = [
  "",
  " ",
  "undefined",
  "NaN",
  "Infinity",
  "{",
  "}",
  "[",
  '{"name":',
  "{'name':'single quotes'}",
  '{"name":"x",}',
  '{"name":"x"} trailing',
  "/* comment */ {}",
  '{"a":1}{"b":2}',
  '"unterminated',
  '{"name":"\\u12"}',
  "nul\u0000l",
  "\ufeff[",
  "0x10",
  "01",
  "-",
  "1e",
  "tru",
  "nulll",
] as const;

/**
 * Bodies a JSON route must refuse, deterministic for a seed: the valid example broken field by
 * field (as JSON), text that is not JSON, binary, JSON of another type, nesting beyond any parser's
 * comfort, and bodies over the limit; under assorted content types.
 */
export function jsonBodyCorpus({ seed, count, valid, schema, limitBytes }: JsonCorpusOptions): THttpFuzzCase[] {
  const rng = new Prng(seed);
  const junk = new JunkMaker(rng, { hugeStringBytes: limitBytes - 2_000 });
  const contentTypes = [
    null,
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin1",
    "application/octet-stream",
  ];
  const accepted = (text: string) => {
    try {
      return schema.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  };
  const cases: THttpFuzzCase[] = [];
  while (cases.length < count) {
    junk.startPayload();
    const kind = rng.next();
    let body: string | Buffer;
    let what: string;
    if (kind < 0.6) {
      const { payload, mutations } = malform(rng, junk, valid);
      body = JSON.stringify(payload) ?? "";
      what = mutations.join(", ");
    } else if (kind < 0.72) {
      body = rng.pick(NOT_JSON);
      what = "not JSON";
    } else if (kind < 0.78) {
      body = JSON.stringify(valid).slice(0, rng.int(0, JSON.stringify(valid).length - 1));
      what = "truncated JSON";
    } else if (kind < 0.84) {
      body = rng.bytes(rng.int(1, 2_048));
      what = "binary";
    } else if (kind < 0.9) {
      const depth = rng.int(1_000, Math.floor(limitBytes / 2) - 10);
      body = rng.chance(0.5)
        ? `${"[".repeat(depth)}${"]".repeat(depth)}`
        : `${'{"a":'.repeat(Math.floor(depth / 3))}1${"}".repeat(Math.floor(depth / 3))}`;
      what = "deep nesting";
    } else if (kind < 0.95) {
      body = JSON.stringify(junk.value());
      what = "JSON of another shape";
    } else {
      body = Buffer.alloc(rng.chance(0.8) ? limitBytes + rng.int(1, 100_000) : rng.int(1, 8) * 1_000_000, rng.pick(["{", "x", '"', " "]));
      what = "over the limit";
    }
    const size = Buffer.byteLength(body);
    if (size <= limitBytes && accepted(Buffer.isBuffer(body) ? body.toString("utf8") : body)) continue;
    const contentType = rng.chance(0.8) ? "application/json" : rng.pick(contentTypes);
    cases.push({ body, contentType, expected: size > limitBytes ? 413 : 422, what });
  }
  return cases;
}
