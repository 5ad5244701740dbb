import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/server/env/env-schema";
import { LIMITS } from "@/lib/server/rate-limits/limit-names";
import { ZLimitSpec } from "@/lib/server/rate-limits/limit-spec";

const SECURITY_DOC = readFileSync(path.resolve(__dirname, "../../../docs/security.md"), "utf8");

/** The default a "| `NAME` | `default` | … |" row of docs/security.md gives, or null without a row. */
function documentedDefault(name: string): string | null {
  return new RegExp(`^\\| \`${name}\` \\| \`([^\`]+)\` \\|`, "m").exec(SECURITY_DOC)?.[1] ?? null;
}

describe("docs/security.md", () => {
  it("lists every rate limit with the default Duet really uses", () => {
    const defaults = parseEnv({});
    const names = Object.values(LIMITS).flatMap((limit) => ("burstEnv" in limit ? [limit.env, limit.burstEnv] : [limit.env]));
    for (const name of names) {
      const documented = documentedDefault(name);
      expect({ name, documented: documented === null ? null : ZLimitSpec.parse(documented) }).toEqual({ name, documented: defaults[name] });
    }
  });

  it("lists the password-hashing cap with its defaults", () => {
    const defaults = parseEnv({});
    for (const name of ["PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE"] as const) {
      expect({ name, documented: documentedDefault(name) }).toEqual({ name, documented: String(defaults[name]) });
    }
  });
});
