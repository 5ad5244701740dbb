import { parseEnv, ZEnvSchema } from "@/lib/server/env/env-schema";
import { LIMITS } from "@/lib/server/rate-limits/limit-names";
import { documentedDefaults, exampleSettings, readDoc } from "./documented-settings";

const VARIABLES = Object.keys(ZEnvSchema.shape) as Array<keyof typeof ZEnvSchema.shape>;
const LIMIT_VARIABLES = Object.values(LIMITS).flatMap((limit) => ("burstEnv" in limit ? [limit.env, limit.burstEnv] : [limit.env]));
const DEFAULTS = parseEnv({}) as Record<string, unknown>;
/** Defaults that depend on something else, so the docs describe them in words. */
const DERIVED = new Set(["SITE_URL", "AUTH_SECRET"]);

describe(".env.example, the operator's template", () => {
  const example = exampleSettings(readDoc(".env.example"));

  it("names every variable Duet reads", () => {
    expect(VARIABLES.filter((name) => !example.has(name))).toEqual([]);
  });

  it("names nothing Duet does not read", () => {
    expect([...example.keys()].filter((name) => !(VARIABLES as string[]).includes(name))).toEqual([]);
  });

  it("copied as it is, runs Duet with the defaults it documents", () => {
    const set = Object.fromEntries([...example].filter(([, { commented }]) => !commented).map(([name, { value }]) => [name, value]));
    const parsed = parseEnv(set) as Record<string, unknown>;
    const differing = VARIABLES.filter((name) => !DERIVED.has(name) && JSON.stringify(parsed[name]) !== JSON.stringify(DEFAULTS[name]));
    expect(differing).toEqual([]);
  });
});

describe.each(["docs/deploy.md", "docs/security.md"])("%s", (doc) => {
  const documented = documentedDefaults(readDoc(doc));

  it("gives every rate limit with the default Duet really uses", () => {
    for (const name of LIMIT_VARIABLES) {
      const value = documented.get(name);
      const parsed = value === undefined ? undefined : parseEnv({ [name]: value })[name];
      expect({ name, documented: parsed }).toEqual({ name, documented: DEFAULTS[name] });
    }
  });

  it("gives the password-hashing cap with its defaults", () => {
    for (const name of ["PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE"]) {
      expect({ name, documented: documented.get(name) }).toEqual({ name, documented: String(DEFAULTS[name]) });
    }
  });
});

describe("docs/deploy.md's settings table", () => {
  const documented = documentedDefaults(readDoc("docs/deploy.md"));

  it("has a row for every variable Duet reads", () => {
    const covered = (name: string) => documented.has(name) || (name.startsWith("RATE_LIMIT_") && documented.has("RATE_LIMIT_*"));
    expect(VARIABLES.filter((name) => !covered(name))).toEqual([]);
  });

  it("gives each variable's real default where it is a value", () => {
    const differing = VARIABLES.filter((name) => {
      const value = documented.get(name);
      if (DERIVED.has(name) || value === undefined || value.startsWith("(")) return false;
      return JSON.stringify(parseEnv({ [name]: value })[name as keyof ReturnType<typeof parseEnv>]) !== JSON.stringify(DEFAULTS[name]);
    });
    expect(differing).toEqual([]);
  });
});
