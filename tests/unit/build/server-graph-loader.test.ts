import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
// Plain CommonJS, as Turbopack runs it.
import serverGraphLoader from "../../../scripts/build/server-graph-loader.js";

const PROJECT_ROOT = "/srv/duet";

function stubFor(file: string, target: "dist" | "source" | "client-refusal", serverOnly = false): string {
  const context = { resourcePath: path.join(PROJECT_ROOT, file), getOptions: () => ({ projectRoot: PROJECT_ROOT, target, serverOnly }) };
  return (serverGraphLoader as (this: typeof context) => string).call(context);
}

/** Runs a stub as Turbopack's server bundle would, with `cwd` as the working directory; returns its module.exports. */
function evaluateStub(code: string, cwd: string): unknown {
  const stubModule = { exports: {} as unknown };
  const fakeProcess = { cwd: () => cwd, getBuiltinModule: process.getBuiltinModule };
  const requireInBundle = (request: string) => {
    if (request === "server-only") return {};
    throw new Error(`the stub required ${request}`);
  };
  new Function("module", "require", "process", code)(stubModule, requireInBundle, fakeProcess);
  return stubModule.exports;
}

describe("the server-graph loader (Next's bundle gets no copy of lib/server or lib/shared)", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "duet-graph-"));
    mkdirSync(path.join(root, "dist/lib/shared"), { recursive: true });
    writeFileSync(path.join(root, "dist/lib/shared/errors.js"), "exports.AppError = class AppError extends Error {};\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("hands Next's code the very module instance the server loaded", () => {
    // What dist/server.js's own require of the module returns…
    const loadedByServer: unknown = createRequire(__filename)(path.join(root, "dist/lib/shared/errors.js"));
    // …is what the stub exports: one AppError class, so `instanceof` holds on both sides.
    const stub = stubFor("lib/shared/errors.ts", "dist");
    expect(evaluateStub(stub, root)).toBe(loadedByServer);
  });

  it("points production at the compiled file and development at the source that tsx loads", () => {
    expect(stubFor("lib/server/db/index.ts", "dist")).toContain('requireFromRoot("./dist/lib/server/db/index.js")');
    expect(stubFor("lib/server/db/index.ts", "source")).toContain('requireFromRoot("./lib/server/db/index.ts")');
  });

  it("marks lib/server server-only, and refuses it to client code at build time", () => {
    expect(stubFor("lib/server/db/index.ts", "dist", true)).toMatch(/^require\("server-only"\);/);
    expect(stubFor("lib/shared/errors.ts", "dist")).not.toContain("server-only");
    expect(stubFor("lib/server/db/index.ts", "client-refusal")).toBe('import "server-only";\n');
  });

  it("fails loudly, naming the file, when the compiled graph is missing", () => {
    expect(() => evaluateStub(stubFor("lib/server/env/index.ts", "dist"), root)).toThrow(/dist\/lib\/server\/env\/index\.js/);
  });
});
