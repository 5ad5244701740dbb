// Validating the environment here makes a bad value fail `next build` (and `next dev`) with
// one line naming the variable, not the first request. Next has loaded .env files by now.
const { parseEnvOrExit } = require("tsx/cjs/api").require("./lib/server/env/env-schema.ts", __filename);
parseEnvOrExit(process.env);

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay as plain Node requires rather than being bundled.
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg", "pino"],
  // The app's own code; tests and scripts are type-checked by `npm run typecheck` in `npm test`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};
