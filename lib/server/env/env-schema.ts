import { z } from "zod";
import { ZLimitSpec } from "../rate-limits/limit-spec";

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const count = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number (${min}–${max})` })
    .int(`must be a whole number (${min}–${max})`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const limit = (byDefault: string) => z.string().default(byDefault).pipe(ZLimitSpec);

export const DEFAULT_STUN_URLS = "stun:stun.l.google.com:19302";

/** Every variable Duet reads. `.env.example` documents each one. */
export const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce
      .number({ error: "must be a port number (0–65535)" })
      .int("must be a port number (0–65535)")
      .min(0, "must be a port number (0–65535)")
      .max(65535, "must be a port number (0–65535)")
      .default(3000),
    SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATABASE_URL: z
      .string()
      .default("file:./data/duet.db")
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    TRUST_PROXY: z
      .enum(["true", "false", "1", "0", ""])
      .default("false")
      .transform((value) => value === "true" || value === "1"),
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    // A public STUN server, so two people behind home routers connect out of the box. Set it
    // to your own, or to an empty value for none (a LAN-only or TURN-only deployment).
    STUN_URLS: z.string().default(DEFAULT_STUN_URLS).pipe(commaList),
    TURN_URLS: commaList.default([]),
    TURN_SECRET: optionalString,
    // Short TTLs are for tests of credential refresh; browsers refresh at 80 % of it.
    TURN_TTL_SECONDS: z.coerce
      .number({ error: "must be a number of seconds (10–86400)" })
      .int()
      .min(10, "must be at least 10")
      .max(86_400, "must be at most 86400")
      .default(3600),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_ID: optionalString,
    GOOGLE_SECRET: optionalString,
    // Abuse limits: "<actions>/<duration>" with s, m or h, or "off". `.env.example` explains each.
    RATE_LIMIT_SIGN_IN_ACCOUNT_IP: limit("10/15m"),
    RATE_LIMIT_SIGN_IN_ACCOUNT: limit("50/1h"),
    RATE_LIMIT_SIGN_IN_IP: limit("100/1h"),
    RATE_LIMIT_SIGN_UP_IP: limit("10/1h"),
    RATE_LIMIT_ROOM_CREATE: limit("30/1h"),
    RATE_LIMIT_ROOM_JOIN: limit("30/1h"),
    RATE_LIMIT_ROOM_CHANGE: limit("60/1h"),
    RATE_LIMIT_ROOM_READ: limit("600/10m"),
    RATE_LIMIT_ACCOUNT: limit("10/15m"),
    RATE_LIMIT_TURN: limit("60/10m"),
    RATE_LIMIT_HANDSHAKE_IP: limit("120/1m"),
    RATE_LIMIT_CHAT: limit("10/10s"),
    RATE_LIMIT_CHAT_BURST: limit("30/1m"),
    RATE_LIMIT_SIGNALING: limit("100/10s"),
    RATE_LIMIT_SIGNALING_BURST: limit("300/1m"),
    RATE_LIMIT_HISTORY: limit("120/1m"),
    RATE_LIMIT_SEARCH: limit("30/1m"),
    RATE_LIMIT_EXPORT: limit("10/1h"),
    // Largest request body Next may read (sign-up JSON, room name, sign-in form: all under 3 KiB).
    HTTP_BODY_LIMIT_BYTES: count(4_096, 10_485_760).default(65_536),
    // argon2id takes 19 MiB per hash: at most this many at once, this many more waiting.
    PASSWORD_HASH_CONCURRENCY: count(1, 64).default(2),
    PASSWORD_HASH_QUEUE: count(0, 10_000).default(32),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const urlPattern = /^(stuns?|turns?):/;
    for (const key of ["STUN_URLS", "TURN_URLS"] as const) {
      for (const url of env[key]) {
        if (!urlPattern.test(url)) {
          ctx.addIssue({ code: "custom", path: [key], message: `"${url}" is not a stun:, stuns:, turn: or turns: URL` });
        }
      }
    }
    if (env.TURN_URLS.length > 0 && !env.TURN_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TURN_SECRET"], message: "is required when TURN_URLS is set" });
    }
    if (env.REDIS_URL && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when REDIS_URL is set (every node must share it)" });
    }
    for (const [id, secret] of [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_ID", "GOOGLE_SECRET"],
    ] as const) {
      if (Boolean(env[id]) !== Boolean(env[secret])) {
        ctx.addIssue({ code: "custom", path: [env[id] ? secret : id], message: `${id} and ${secret} go together` });
      }
    }
  });

export type TEnvInput = z.input<typeof ZEnvSchema>;
export type TParsedEnv = z.output<typeof ZEnvSchema>;

/** Parses an environment; throws one line per bad variable, each naming it. */
export function parseEnv(source: Record<string, string | undefined>): TParsedEnv {
  const result = ZEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`);
  throw new InvalidEnvError(lines);
}

export class InvalidEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "InvalidEnvError";
  }
}

/** A bad environment stops the process (server, build or script) with one line naming the variables. */
export function parseEnvOrExit(source: Record<string, string | undefined>): TParsedEnv {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof InvalidEnvError)) throw error;
    process.stderr.write(`Duet cannot start: ${error.problems.join("; ")}\n`);
    process.exit(1);
  }
}
