import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [relative] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
}

/** Where an import lands, as a repo-relative path (or the bare package name). */
function target(file: string, specifier: string): string {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.join(path.dirname(file), specifier);
  return specifier;
}

function violations(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) => imports(file).filter((spec) => forbidden(target(file, spec))).map((spec) => `${file} imports ${spec}`));
}

const isClientFile = (file: string) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8"));

describe("the code's zones stay apart", () => {
  it("lib/shared is universal: no server, client, Node or Prisma code", () => {
    const forbidden = (to: string) => /^(lib\/server|lib\/client|node:|@prisma|next-auth|socket\.io$)/.test(to);
    expect(violations(sourceFiles("lib/shared"), forbidden)).toEqual([]);
  });

  it("browser code (lib/client and 'use client' files) never imports lib/server", () => {
    const browserFiles = [...sourceFiles("lib/client"), ...sourceFiles("app").filter(isClientFile)];
    expect(violations(browserFiles, (to) => to.startsWith("lib/server") || to.startsWith("node:"))).toEqual([]);
  });

  it("only lib/server touches the database client", () => {
    const outside = [...sourceFiles("app"), ...sourceFiles("lib/client"), ...sourceFiles("lib/shared")];
    const forbidden = (to: string) => /^@prisma\/|lib\/server\/db\/generated/.test(to);
    expect(violations(outside, forbidden)).toEqual([]);
  });
});
