import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** What production runs with plain `node`: the compiled server graph and the migration command (scripts/build/compile-server.ts). */
const SERVER_GRAPH = ["server.ts", "scripts/db-migrate.ts", "lib/server", "lib/shared", "scripts/lib"];

function files(entry: string): string[] {
  const absolute = path.join(ROOT, entry);
  if (/\.(ts|mjs)$/.test(entry)) return [absolute];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && /\.(ts|mjs)$/.test(dirent.name))
    .map((dirent) => path.join(dirent.parentPath, dirent.name));
}

/** Packages a file loads at run time: static imports other than `import type`, dynamic imports, requires. */
function runtimePackages(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]),
    ...[...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((match) => match[1]),
    ...[...text.matchAll(/(?:\bimport|\brequire)\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]),
  ];
  return specifiers
    .filter((specifier): specifier is string => !!specifier && !/^(\.|@\/|node:)/.test(specifier))
    .map((specifier) =>
      specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/"),
    );
}

describe("the production install", () => {
  it("lists every package the server graph loads as a dependency, not a devDependency", () => {
    const used = new Set(SERVER_GRAPH.flatMap(files).flatMap(runtimePackages));
    const missing = [...used].filter((name) => !(name in packageJson.dependencies)).sort();
    expect(missing).toEqual([]);
  });

  it("never imports server-only, which throws under plain Node: Next's stubs of lib/server carry that marker instead", () => {
    const importers = SERVER_GRAPH.flatMap(files).filter((file) => runtimePackages(file).includes("server-only"));
    expect(importers.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("keeps build-only tools out of the dependencies", () => {
    const buildTools = ["typescript", "tsx", "esbuild", "@vercel/nft", "prisma", "tailwindcss", "@tailwindcss/postcss", "postcss", "server-only"];
    expect(buildTools.filter((name) => name in packageJson.dependencies)).toEqual([]);
  });
});
