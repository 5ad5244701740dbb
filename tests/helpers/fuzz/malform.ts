import { setOwn, type JunkMaker } from "./junk";
import type { Prng } from "./prng";

type TPath = readonly string[];

export type TMutation = "replaced" | "wrong type" | "missing field" | "extra field" | "oversize string";

/** Payload schemas nest this deep at most; a junk value may nest thousands of levels. */
const MAX_PATH_LENGTH = 4;

/** Every path into nested objects, leaves and objects alike, down to MAX_PATH_LENGTH. */
function pathsOf(value: unknown, prefix: TPath = []): TPath[] {
  if (typeof value !== "object" || value === null || Array.isArray(value) || prefix.length >= MAX_PATH_LENGTH) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

const valueAt = (root: unknown, path: TPath): unknown => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);

const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** A shallow copy that keeps own properties named "__proto__" as properties. */
function shallowCopy(value: object): Record<string, unknown> {
  return Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
}

/** Changes `path` in a copy; only the objects along the path are copied (junk inside may nest thousands deep). */
function edit(root: unknown, path: TPath, change: (parent: Record<string, unknown>, key: string) => void): unknown {
  const result = shallowCopy(root as object);
  let parent = result;
  for (const key of path.slice(0, -1)) {
    const child = shallowCopy(parent[key] as object);
    setOwn(parent, key, child);
    parent = child;
  }
  change(parent, path.at(-1)!);
  return result;
}

/**
 * Breaks a valid payload the way a buggy or hostile client would: replaces it, gives a field
 * the wrong type, drops a field, adds an unknown (often hostile) one, or overfills a string.
 * Returns what was done; whether the result is really invalid is for the schema to say.
 */
export function malform(rng: Prng, junk: JunkMaker, valid: unknown): { payload: unknown; mutations: TMutation[] } {
  const paths = pathsOf(valid);
  const stringPaths = paths.filter((path) => typeof valueAt(valid, path) === "string");
  const mutations: TMutation[] = [];
  let payload = valid;
  const rounds = rng.chance(0.25) ? rng.int(2, 3) : 1;
  for (let i = 0; i < rounds; i++) {
    const choices: TMutation[] = ["replaced"];
    if (paths.length > 0) choices.push("wrong type", "wrong type", "missing field", "missing field");
    if (isPlainObject(payload)) choices.push("extra field", "extra field");
    if (stringPaths.length > 0) choices.push("oversize string");
    const mutation = rng.pick(choices);
    const livePaths = pathsOf(payload).filter((path) => paths.some((p) => p.join(".") === path.join(".")));
    const liveStrings = stringPaths.filter((path) => livePaths.some((p) => p.join(".") === path.join(".")));
    // An earlier round may have removed what this one would break: then replace the whole payload.
    const nothingToBreak = mutation === "oversize string" ? liveStrings.length === 0 : mutation !== "extra field" && livePaths.length === 0;
    if (mutation === "replaced" || nothingToBreak) {
      payload = junk.value();
      mutations.push("replaced");
      continue;
    }
    if (mutation === "wrong type") payload = edit(payload, rng.pick(livePaths), (parent, key) => setOwn(parent, key, junk.value()));
    if (mutation === "missing field") payload = edit(payload, rng.pick(livePaths), (parent, key) => delete parent[key]);
    if (mutation === "oversize string") payload = edit(payload, rng.pick(liveStrings), (parent, key) => setOwn(parent, key, junk.hugeString()));
    if (mutation === "extra field") {
      // A key under one of the contract's objects: [] is the payload itself, ["media"] inside media.
      const target = rng.pick([[], ...livePaths.filter((path) => isPlainObject(valueAt(payload, path)))]);
      const [extraKey, extraValue] = junk.entry();
      payload = edit(payload, [...target, extraKey], (parent, key) => setOwn(parent, key, extraValue));
    }
    mutations.push(mutation);
  }
  return { payload, mutations };
}
