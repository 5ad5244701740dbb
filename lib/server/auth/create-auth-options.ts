import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { OAUTH_EMAIL_UNVERIFIED, signInErrorPath } from "@/lib/shared/sign-in-error";
import type { TDbClient } from "../db/create-db-client";
import type { TEnv } from "../env";
import { oauthDisplayName } from "../users/oauth-display-name";
import type { TRateLimits } from "../rate-limits/create-rate-limits";
import { upsertOAuthUser } from "../users/upsert-oauth-user";
import type { TLogger } from "../logger";
import { endAuthSession, isAuthSessionActive, startAuthSession } from "./auth-sessions";
import { authorizeCredentials } from "./authorize-credentials";
import { gitHubProvider } from "./github-provider";
import { oauthEmailVerified } from "./oauth-email-verified";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

/** The session a JWT names was ended (signed out, password changed, account deleted). */
class SessionEndedError extends Error {
  constructor() {
    super("SESSION_ENDED");
    this.name = "SessionEndedError";
  }
}

function isSessionEnded(metadata: unknown): boolean {
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  return error instanceof Error && error.message === "SESSION_ENDED";
}

type TAuthEnv = Pick<TEnv, "AUTH_SECRET" | "GITHUB_ID" | "GITHUB_SECRET" | "GOOGLE_ID" | "GOOGLE_SECRET">;

/** `rateLimits` is asked for at sign-in time: `next build` evaluates this module too, and must not connect to Redis. */
export function createAuthOptions(db: TDbClient, env: TAuthEnv, rateLimits: () => TRateLimits, logger: TLogger): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The request's headers carry the client address server.ts stamped on it.
      authorize: (credentials, req) => authorizeCredentials({ db, rateLimits: rateLimits() }, credentials, req.headers),
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(gitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }

  return {
    secret: env.AUTH_SECRET,
    // JWT sessions let the Socket.IO handshake verify a member without a database round trip.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    events: {
      async signOut({ token }) {
        if (token?.sid) await endAuthSession(db, token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session read again is the expected outcome of signing out, not a fault.
        if (isSessionEnded(metadata)) return;
        logger.error({ code, err: metadata }, "next-auth error");
      },
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type !== "oauth") return true;
        if (!user.email) return false;
        const duetUser = await upsertOAuthUser(db, {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email.toLowerCase(),
          emailVerified: oauthEmailVerified(profile),
          name: oauthDisplayName(user.name, user.email),
        });
        if (!duetUser) return signInErrorPath(OAUTH_EMAIL_UNVERIFIED);
        // Carried into the jwt callback below, so the token names the Duet user, not the OAuth one.
        user.id = duetUser.id;
        user.name = duetUser.name;
        return true;
      },
      // Runs at sign-in (with `user`) and whenever a page, route or the browser reads the session.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.sid = await startAuthSession(db, user.id);
          return token;
        }
        const live = token.sub && token.sid && (await isAuthSessionActive(db, { sessionId: token.sid, userId: token.sub }));
        // next-auth answers a throw here with "no session" and clears the cookie.
        if (!live) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
