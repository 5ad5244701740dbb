import { execFileSync } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import "@/lib/shared/message";

const ROOT = path.resolve(__dirname, "../../..");

describe("zod in the browser", () => {
  it("never probes for eval, which the pages' CSP refuses", () => {
    expect(z.config().jitless).toBe(true);
  });

  it("is imported through lib/shared/zod by all code that can reach a browser", () => {
    const direct = execFileSync("git", ["grep", "-lE", '^import \\{[^}]*\\} from "zod"', "--", "lib/shared", "lib/client", "app"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    expect(direct).toEqual(["lib/shared/zod.ts"]);
  });
});
