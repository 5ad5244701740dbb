import { readFileSync } from "node:fs";
import path from "node:path";

const installedVersion = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(__dirname, "../../../node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

/*
 * Duet migrates through @prisma/schema-engine-wasm (scripts/lib/schema-engine.ts) so that no
 * engine binary is downloaded; the `prisma` package generates the client with its own engines.
 * The two must be the same engine build, or a migration could be planned by one engine and the
 * client built for another.
 */
describe("the migration engine", () => {
  it("is the same engine build as the prisma package's own engines", () => {
    expect(installedVersion("@prisma/schema-engine-wasm")).toBe(installedVersion("@prisma/engines-version"));
  });
});
