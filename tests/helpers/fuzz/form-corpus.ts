import { JunkMaker, HOSTILE_KEYS } from "./junk";
import { percentEncode } from "./percent-encode";
import { Prng } from "./prng";

/** Stands for the CSRF token a case sends; the test puts a real one in its place. */
export const CSRF_PLACEHOLDER = "__CSRF__";

export interface TFormFuzzCase {
  body: string | Buffer;
  contentType: string | null;
  what: string;
}

export interface FormCorpusOptions {
  seed: number;
  count: number;
  /** The fields of a valid form; `csrfToken` among them is sent as CSRF_PLACEHOLDER. */
  valid: Record<string, string>;
  limitBytes: number;
}

const BAD_ESCAPES = ["%", "%zz", "%00", "%ff%fe", "%ed%a0%80", "%0d%0aSet-Cookie:%20x=1", "%e2%80%ae"] as const;

/**
 * Form bodies (application/x-www-form-urlencoded, as a sign-in page posts) broken the ways a
 * script or a proxy can break them: fields dropped, repeated, emptied, given junk or bad escapes,
 * unknown (hostile) fields added, the whole body replaced by binary or JSON, and bodies over the
 * limit; under assorted content types. Deterministic for a seed.
 */
export function formCorpus({ seed, count, valid, limitBytes }: FormCorpusOptions): TFormFuzzCase[] {
  const rng = new Prng(seed);
  const junk = new JunkMaker(rng, { hugeStringBytes: 20_000 });
  const text = () => {
    const value = junk.value(3);
    return typeof value === "string" ? value : JSON.stringify(value);
  };
  const cases: TFormFuzzCase[] = [];
  while (cases.length < count) {
    junk.startPayload();
    const kind = rng.next();
    const contentType = rng.chance(0.85)
      ? "application/x-www-form-urlencoded"
      : rng.pick([null, "text/plain", "application/json", "multipart/form-data; boundary=x"]);
    if (kind < 0.75) {
      const what: string[] = [];
      const pairs = Object.entries(valid).flatMap(([key, value]): string[] => {
        const roll = rng.next();
        if (roll < 0.15) return (what.push(`${key} dropped`), []);
        if (roll < 0.45) return (what.push(`${key} junk`), [`${key}=${percentEncode(text())}`]);
        if (roll < 0.55) return (what.push(`${key} bad escape`), [`${key}=${rng.pick(BAD_ESCAPES)}`]);
        if (roll < 0.62) return (what.push(`${key} repeated`), [`${key}=${percentEncode(value)}`, `${key}=${percentEncode(text())}`]);
        if (roll < 0.67) return (what.push(`${key} empty`), [`${key}=`]);
        return [`${key}=${percentEncode(value)}`];
      });
      if (rng.chance(0.3)) {
        pairs.push(`${percentEncode(rng.pick([...HOSTILE_KEYS, "email[]", "redirect", "=", "&"]))}=${percentEncode(text())}`);
        what.push("extra field");
      }
      cases.push({ body: pairs.sort(() => rng.next() - 0.5).join("&"), contentType, what: what.join(", ") || "valid fields, shuffled" });
    } else if (kind < 0.85) {
      cases.push({ body: rng.bytes(rng.int(1, 2_048)), contentType, what: "binary" });
    } else if (kind < 0.95) {
      const body = rng.chance(0.5)
        ? JSON.stringify({ ...valid, csrfToken: CSRF_PLACEHOLDER, email: junk.value(2), callbackUrl: junk.value(2) })
        : rng.pick(["{", "[]", "null", '{"callbackUrl":5}']);
      cases.push({ body, contentType: rng.chance(0.7) ? "application/json" : contentType, what: "JSON" });
    } else {
      cases.push({ body: `csrfToken=${CSRF_PLACEHOLDER}&email=${"x".repeat(limitBytes)}`, contentType, what: "over the limit" });
    }
  }
  return cases;
}
