// Lint: Next's rules (React, hooks, accessibility, Core Web Vitals), typescript-eslint's, and
// the boundaries between the code's zones (lib/shared is universal, the browser never imports
// server code, only lib/server touches the database client).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import noServerCodeInClientComponents from "./eslint-rules/no-server-code-in-client-components.mjs";

const DATABASE_CLIENT = {
  group: ["@prisma/*", "**/lib/server/db/generated/**"],
  message: "Only lib/server talks to the database client.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([".next/**", "dist/**", ".unlanded/**", "lib/server/db/generated/**", "data/**", "tests/e2e/.artifacts/**", "next-env.d.ts"]),
  {
    plugins: { duet: { rules: { "no-server-code-in-client-components": noServerCodeInClientComponents } } },
    rules: {
      "duet/no-server-code-in-client-components": "error",
      // `_`-prefixed parameters are deliberately unused (a handler's required signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Playwright specs, the network lab and scripts are not React: a helper named use… is no hook.
    files: ["tests/e2e/**", "tests/network/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS by necessity: Next loads next.config.js with require, Turbopack its loaders.
    files: ["next.config.js", "jest.config.js", "scripts/build/server-graph-loader.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["lib/shared/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/*", "@/lib/client/*", "../server/*", "../client/*"], message: "lib/shared is used by server and browser alike." },
            { regex: "^node:", message: "lib/shared runs in the browser too." },
            { group: ["next-auth", "next-auth/*", "socket.io", "@prisma/*"], message: "lib/shared holds contracts, not server libraries." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/*", "../server/*", "../../server/*"], message: "Browser code never imports server code." },
            { regex: "^node:", message: "Browser code has no Node built-ins." },
            DATABASE_CLIENT,
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [DATABASE_CLIENT] }] },
  },
]);
