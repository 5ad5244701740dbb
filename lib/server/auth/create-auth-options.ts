import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { OAUTH_EMAIL_UNVERIFIED, signInErrorPath } from "@/lib/shared/sign-in-error";
import type { TDbClient } from "../db/create-db-client";
import type { TEnv } from "../env";
import { oauthDisplayName } from "../users/oauth-display-name";
import type { TRateLimits } from "../rate-limits/create-rate-limits";
import { upsertOAuthUser } from "../users/upsert-oauth-user";
import { authorizeCredentials } from "./authorize-credentials";
import { gitHubProvider } from "./github-provider";
import { oauthEmailVerified } from "./oauth-email-verified";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

type TAuthEnv = Pick<TEnv, "AUTH_SECRET" | "GITHUB_ID" | "GITHUB_SECRET" | "GOOGLE_ID" | "GOOGLE_SECRET">;

/** `rateLimits` is asked for at sign-in time: `next build` evaluates this module too, and must not connect to Redis. */
export function createAuthOptions(db: TDbClient, env: TAuthEnv, rateLimits: () => TRateLimits): NextAuthOptions {
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
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
