import { loadEnvConfig } from "@next/env";
import path from "node:path";
import { InvalidEnvError, parseEnv, type TParsedEnv } from "./env-schema";
import { readOrCreateLocalAuthSecret } from "./local-auth-secret";

export type TEnv = Omit<TParsedEnv, "AUTH_SECRET" | "SITE_URL"> & { AUTH_SECRET: string; SITE_URL: string };

function loadEnv(): TEnv {
  // Same .env precedence as Next.js, so server.ts, scripts and `next build` agree.
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  const parsed = parseOrExit(process.env);
  const siteUrl = (parsed.SITE_URL ?? `http://localhost:${parsed.PORT || 3000}`).replace(/\/$/, "");
  const authSecret = parsed.AUTH_SECRET ?? readOrCreateLocalAuthSecret(path.resolve("data"));
  // next-auth v4 reads these two names itself; deriving them here keeps one source of truth.
  process.env.NEXTAUTH_URL = siteUrl;
  process.env.NEXTAUTH_SECRET = authSecret;
  return { ...parsed, SITE_URL: siteUrl, AUTH_SECRET: authSecret };
}

/** A bad environment stops the process (server, build or script) with one line naming the variables. */
function parseOrExit(source: NodeJS.ProcessEnv): TParsedEnv {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof InvalidEnvError)) throw error;
    process.stderr.write(`Duet cannot start: ${error.problems.join("; ")}\n`);
    process.exit(1);
  }
}

/** The validated environment. Reading it is the only place Duet touches process.env. */
export const env: TEnv = loadEnv();
