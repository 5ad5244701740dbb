import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/shared/return-path";
import { describeSignInError } from "@/lib/shared/sign-in-error";
import { env } from "@/lib/server/env";
import { getSessionUser } from "../_lib/session-user";
import { cardClass } from "../_components/ui";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  // next-auth sends failed sign-ins back here with ?error=...: a refusal that says when, or a failed OAuth sign-in.
  const redirectedError = typeof params.error === "string" && params.error ? describeSignInError(params.error) : null;
  return (
    <div className={`mx-auto mt-8 max-w-sm ${cardClass}`}>
      <h1 className="mb-1 text-xl font-semibold">Sign in to Duet</h1>
      <p className="mb-5 text-sm text-slate-500 dark:text-slate-400">
        {returnTo.startsWith("/rooms/") ? "Sign in to join the room you were invited to." : "Welcome back."}
      </p>
      {params.deleted === "1" && (
        <p role="status" className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
          Your account is deleted.
        </p>
      )}
      <SignInForm returnTo={returnTo} initialError={redirectedError} oauthProviders={configuredOAuthProviders()} />
    </div>
  );
}

/** GitHub and Google sign-in appear only when the operator configured them. */
function configuredOAuthProviders(): Array<{ id: string; name: string }> {
  const providers: Array<{ id: string; name: string }> = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: "github", name: "GitHub" });
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) providers.push({ id: "google", name: "Google" });
  return providers;
}
