// Loading the env module here makes a bad environment fail `next build`, not the first request.
require("tsx/cjs/api").require("./lib/server/env/index.ts", __filename);

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay as plain Node requires rather than being bundled.
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg", "pino"],
};
