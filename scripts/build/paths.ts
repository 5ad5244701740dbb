import path from "node:path";

/** The repository: build scripts run from their sources (through tsx), never from dist/. */
export const PROJECT_ROOT = path.resolve(__dirname, "../..");
/** The compiled server graph (scripts/build/compile-server.ts). */
export const DIST_DIR = path.join(PROJECT_ROOT, "dist");
/**
 * The folders whose modules exist once per process: compiled to dist/, and forwarded there from
 * Next's server bundle (next.config.js hands the same list to scripts/build/server-graph-loader.js).
 */
export const SERVER_GRAPH_DIRS = ["lib/server", "lib/shared"];
/** Next's output; `output: "standalone"` puts its traced server under standalone/. */
export const NEXT_DIR = path.join(PROJECT_ROOT, ".next");
/** What production runs and the Dockerfile ships: Next's standalone output completed with dist/ and its dependencies. */
export const PRODUCTION_TREE_DIR = path.join(NEXT_DIR, "standalone");
