const path = require("node:path");
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } = require("next/constants");

const LOADER = path.join(__dirname, "scripts/build/server-graph-loader.js");

/**
 * One module graph per process. server.ts loads lib/server and lib/shared through Node; Next's
 * server bundle gets no copies of them: each such module is replaced by a stub requiring the
 * same file at run time (scripts/build/server-graph-loader.js), so the database client, the
 * rate-limit counters, the shutdown flag, the AppError class… exist once, by construction. In
 * the browser, lib/shared is bundled as usual and lib/server fails the build.
 * @param {"source" | "dist"} target
 */
function serverGraphRules(target) {
  const loader = (options) => [{ loader: LOADER, options: { projectRoot: __dirname, serverOnly: false, ...options } }];
  const inServer = (dir) => ({ all: [{ not: "browser" }, { path: new RegExp(`^lib/${dir}/`) }] });
  const rules = [
    { condition: inServer("server"), loaders: loader({ target, serverOnly: true }), as: "*.js" },
    { condition: inServer("shared"), loaders: loader({ target }), as: "*.js" },
    { condition: { all: ["browser", { path: /^lib\/server\// }] }, loaders: loader({ target: "client-refusal" }), as: "*.js" },
  ];
  return { "*.ts": rules, "*.tsx": rules };
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => {
  const building = phase === PHASE_PRODUCTION_BUILD;
  if (building || phase === PHASE_DEVELOPMENT_SERVER) {
    // A bad environment value fails `next build` (and `next dev`) with one line naming the
    // variable. tsx is a build-time tool; in production the compiled server validates instead.
    const { parseEnvOrExit } = require("tsx/cjs/api").require("./lib/server/env/env-schema.ts", __filename);
    parseEnvOrExit(process.env);
  }
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // The build also writes .next/standalone: Next's traced server, which scripts/build completes
    // into Duet's production tree. Only at build time: the running server is Duet's, not Next's.
    output: building ? "standalone" : undefined,
    // Duet serves no images through Next's optimizer: no endpoint for it, and no sharp (18 MiB
    // of native libraries) in the production tree.
    images: { unoptimized: true },
    outputFileTracingExcludes: { "next-server": ["**/node_modules/sharp/**/*", "**/node_modules/@img/**/*"] },
    turbopack: { rules: serverGraphRules(phase === PHASE_DEVELOPMENT_SERVER ? "source" : "dist") },
    // Next calls this only when bundling with webpack, which has none of the rules above: its
    // server bundle would carry second copies of lib/server and lib/shared.
    webpack: () => {
      throw new Error("Duet builds with Turbopack only: next.config.js's server-graph rules have no webpack equivalent");
    },
    // The app's own code; tests and scripts are type-checked by `npm run typecheck` in `npm test`.
    typescript: { tsconfigPath: "tsconfig.build.json" },
  };
};
