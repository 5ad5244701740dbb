// @ts-check
// A Turbopack loader (next.config.js applies it to lib/server and lib/shared): Next's bundle gets
// no copy of these modules. Each one becomes a stub that requires, at run time, the very file
// server.ts's own graph loaded — the compiled dist/<path>.js in production, the .ts source
// through tsx's hooks in development — so Node's module cache hands both sides one instance.
// Plain CommonJS: Turbopack runs loaders in Node, before any TypeScript compiler.
const path = require("node:path");

/**
 * @typedef {{ projectRoot: string, target: "dist" | "source" | "client-refusal", serverOnly: boolean }} TOptions
 * @this {{ resourcePath: string, getOptions(): TOptions }}
 * @returns {string}
 */
module.exports = function serverGraphLoader() {
  const { projectRoot, target, serverOnly } = this.getOptions();
  // Client code importing lib/server fails the build with Next's own message for server-only.
  if (target === "client-refusal") return 'import "server-only";\n';
  const source = path.relative(projectRoot, this.resourcePath).split(path.sep).join("/");
  const file = target === "dist" ? `dist/${source.replace(/\.tsx?$/, ".js")}` : source;
  return [
    // Next swaps this for nothing in server code and fails it in client code (SSR included).
    serverOnly ? 'require("server-only");' : "",
    // process.getBuiltinModule keeps Turbopack from resolving (and bundling) the path itself.
    // Relative to the working directory: Duet runs from its root, as Next's own `.next` lookup needs.
    'const requireFromRoot = process.getBuiltinModule("node:module").createRequire(process.cwd() + "/package.json");',
    `module.exports = requireFromRoot(${JSON.stringify(`./${file}`)});`,
    "",
  ].join("\n");
};
