import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import "@/lib/shared/message";

const ROOT = path.resolve(__dirname, "../../..");

describe("zod in the browser", () => {
  it("never probes for eval, which the pages' CSP refuses", () => {
    expect(z.config().jitless).toBe(true);
  });

  it("is imported through lib/shared/zod by all code that can reach a browser", () => {
    const direct = execFileSync("git", ["grep", "-lE", 'from "zod(/[^"]*)?"', "--", "lib/shared", "lib/client", "app"], {
      cwd: ROOT,
      encoding: "utf8",
    })
      .split("\n")
      .filter(Boolean);
    expect(direct).toEqual(["lib/shared/zod.ts"]);
  });

  it("is zod/mini there, so a page ships only the schema functions it uses", () => {
    const source = readFileSync(path.join(ROOT, "lib/shared/zod.ts"), "utf8");
    expect(source).toContain('export * from "zod/mini";');
    expect(source).not.toMatch(/from "zod"/);
  });
});
