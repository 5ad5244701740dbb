import { loadEnvConfig } from "@next/env";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseEnvOrExit, type TParsedEnv } from "./env-schema";
import { readOrCreateLocalAuthSecret } from "./local-auth-secret";

export type TEnv = Omit<TParsedEnv, "AUTH_SECRET" | "SITE_URL"> & {
  AUTH_SECRET: string;
  SITE_URL: string;
  /**
   * Whether the operator set SITE_URL. When not, SITE_URL is a guess (http://localhost:PORT)
   * and people may open Duet under another name (127.0.0.1, the machine's address), so the
   * realtime server accepts the page's own origin instead of insisting on the guess.
   */
  siteUrlIsExplicit: boolean;
};

function loadEnv(): TEnv {
  // Same .env precedence as Next.js, so server.ts, scripts and `next build` agree.
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  const parsed = parseEnvOrExit(process.env);
  const siteUrl = (parsed.SITE_URL ?? `http://localhost:${parsed.PORT || 3000}`).replace(/\/$/, "");
  // `next build` evaluates route modules too; it signs nothing, so it must not create the file.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const authSecret = parsed.AUTH_SECRET ?? (building ? randomBytes(32).toString("base64url") : readOrCreateLocalAuthSecret(path.resolve("data")));
  // next-auth v4 reads these two names itself; deriving them here keeps one source of truth.
  process.env.NEXTAUTH_URL = siteUrl;
  process.env.NEXTAUTH_SECRET = authSecret;
  return { ...parsed, SITE_URL: siteUrl, AUTH_SECRET: authSecret, siteUrlIsExplicit: parsed.SITE_URL !== undefined };
}

/** The validated environment. Reading it is the only place Duet touches process.env. */
export const env: TEnv = loadEnv();
