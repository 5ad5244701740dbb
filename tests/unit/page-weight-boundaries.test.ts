import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * What a page ships on its first load is what its client components import statically. These
 * libraries are only needed once someone acts (submits a form, signs out, hits a refused
 * handshake), so pages load them with `import()` then: see lib/client/load-input-schemas.ts
 * and lib/client/sign-out.ts. `npm run bench:pages` measures the result.
 */
const LOADED_ON_ACTION = [/^zod(\/|$)/, /^lib\/shared\/zod$/, /^next-auth\/react$/];

/** signIn is what these forms are for. */
const ALLOWED = new Set(["app/signin/SignInForm.tsx next-auth/react", "app/signup/SignUpForm.tsx next-auth/react"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** Static value imports and re-exports; `import type` and `import()` add nothing to a first load. */
function valueImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** A repo file (without extension) for an app import, or the bare package name. */
function resolve(from: string, specifier: string): string {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.join(path.dirname(from), specifier);
  return specifier;
}

function fileOf(target: string): string | null {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    if (existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** Every forbidden import reachable from `entry`, as "file specifier". */
function reachable(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const target = resolve(file, specifier);
      if (LOADED_ON_ACTION.some((pattern) => pattern.test(target)) && !ALLOWED.has(`${file} ${target}`)) found.push(`${file} imports ${specifier}`);
      const next = fileOf(target);
      if (next && !next.startsWith("node_modules")) visit(next);
    }
  };
  visit(entry);
  return found;
}

const clientEntries = sourceFiles("app").filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")));

describe("what pages load before anyone acts", () => {
  it("finds the client components to check", () => {
    expect(clientEntries).toEqual(expect.arrayContaining(["app/rooms/[id]/RoomView.tsx", "app/_components/CreateRoomForm.tsx"]));
  });

  it.each(clientEntries)("%s reaches no zod and no next-auth client statically", (entry) => {
    expect(reachable(entry)).toEqual([]);
  });
});
