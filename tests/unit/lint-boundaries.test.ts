import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
// The package exports no path to its CLI; it has been at bin/eslint.js since ESLint 1.
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

/** The rules that fire when ESLint lints `code` as if it were the file at `filePath` (repo-relative). */
function lintAs(filePath: string, code: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", filePath], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return result!.messages.map((message) => message.ruleId ?? "parse error");
}

// `npm test` lints the whole repository; these show that the zone rules it relies on refuse
// what they are there to refuse (a rule misconfigured to match nothing would pass silently).
// Each case starts ESLint with the project config: seconds, not milliseconds, on a busy machine.
jest.setTimeout(60_000);

describe("lint keeps the code's zones apart", () => {
  it('refuses server code in a "use client" component', () => {
    const code = '"use client";\nimport { db } from "@/lib/server/db";\nexport const rooms = () => db;\n';
    expect(lintAs("app/_components/Probe.tsx", code)).toContain("duet/no-server-code-in-client-components");
  });

  it("refuses server code and Node built-ins in lib/client", () => {
    const code = 'import { env } from "@/lib/server/env";\nimport { readFileSync } from "node:fs";\nexport const probe = [env, readFileSync];\n';
    expect(lintAs("lib/client/probe.ts", code).filter((rule) => rule === "no-restricted-imports")).toHaveLength(2);
  });

  it("refuses server, client and Node code in lib/shared, which both sides load", () => {
    const code = [
      'import { db } from "@/lib/server/db";',
      'import { apiFetch } from "@/lib/client/api-client";',
      'import { createHash } from "node:crypto";',
      "export const probe = [db, apiFetch, createHash];",
      "",
    ].join("\n");
    expect(lintAs("lib/shared/probe.ts", code).filter((rule) => rule === "no-restricted-imports")).toHaveLength(3);
  });

  it("refuses the database client outside lib/server", () => {
    const code = 'import { PrismaClient } from "@prisma/client";\nexport const probe = PrismaClient;\n';
    expect(lintAs("app/api/probe/route.ts", code)).toContain("no-restricted-imports");
  });

  it("lets server code import what it needs", () => {
    const code = 'import { readFileSync } from "node:fs";\nimport { env } from "@/lib/server/env";\nexport const probe = [readFileSync, env];\n';
    expect(lintAs("lib/server/probe.ts", code)).toEqual([]);
  });
});
