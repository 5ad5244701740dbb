/**
 * The baseline of the page-weight bench: an empty Next App Router app (one layout, one page,
 * no dependencies of its own) built with the very Next and React that Duet builds with, from
 * Duet's node_modules (a symlink: no install, works offline). Rebuilt only when those versions
 * or its sources change.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stopProcess } from "../../../tests/e2e/support/duet-process";
import { waitForHttp } from "./wait-for-http";

const ROOT = path.resolve(__dirname, "../../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

const SOURCES: Record<string, string> = {
  // No "type" field: with "commonjs" Next 16's Turbopack refuses the app's modules.
  "package.json": JSON.stringify({ name: "duet-bench-empty-next", private: true }, null, 2),
  "app/layout.js": 'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  "app/page.js": "export default function Page() {\n  return <h1>Empty</h1>;\n}\n",
};

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** The deepest directory holding both paths: Turbopack only reads files under its root. */
function commonAncestor(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}

export interface EmptyAppBuild {
  dir: string;
  versions: Record<"next" | "react" | "react-dom", string>;
  rebuilt: boolean;
}

/** Builds the empty app in a temp directory of this checkout's own, unless the last build is current. */
export function ensureEmptyNextApp(): EmptyAppBuild {
  const versions = { next: installedVersion("next"), react: installedVersion("react"), "react-dom": installedVersion("react-dom") };
  const checkout = createHash("sha256").update(ROOT).digest("hex").slice(0, 10);
  const dir = path.join(tmpdir(), `duet-bench-empty-next-${checkout}`);
  const modules = realpathSync(path.join(ROOT, "node_modules"));
  const files = {
    ...SOURCES,
    "next.config.js": `module.exports = { turbopack: { root: ${JSON.stringify(commonAncestor(dir, modules))} } };\n`,
  };
  const stamp = JSON.stringify({ versions, files });
  const stampFile = path.join(dir, ".bench-stamp.json");
  if (existsSync(path.join(dir, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    return { dir, versions, rebuilt: false };
  }
  rmSync(dir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  symlinkSync(modules, path.join(dir, "node_modules"), "dir");
  const built = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error(`the empty Next app did not build:\n${built.stdout}\n${built.stderr}`);
  writeFileSync(stampFile, stamp);
  return { dir, versions, rebuilt: true };
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** `next start`, as the empty app's operator would serve it (with Next's own gzip). */
export async function startEmptyNextApp(dir: string, port: number): Promise<RunningApp> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, child);
  return { url, stop: () => stopProcess(child) };
}
