import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as Record<string, unknown>;

/**
 * npm 11 only warns about dependencies whose install scripts package.json's allowScripts does not
 * name; npm 12 skips those scripts, and a skipped one leaves, say, better-sqlite3 without its
 * native build: `npm install && npm start` would install cleanly and fail at the first query.
 */
describe("dependencies' install scripts", () => {
  it("are each allowed by name in package.json, and nothing is allowed that has none", () => {
    const lock = read("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== "" && entry.hasInstallScript)
      .map(([key]) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
    const allowed = read("package.json").allowScripts as Record<string, boolean>;
    expect(Object.keys(allowed).sort()).toEqual([...new Set(withScripts)].sort());
    expect(Object.values(allowed).every((allow) => allow === true)).toBe(true);
  });
});
