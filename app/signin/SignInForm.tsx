"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";
import { describeSignInError } from "@/lib/shared/sign-in-error";
import { Field } from "../_components/Field";
import { FormError } from "../_components/FormError";
import { buttonClass, secondaryButtonClass } from "../_components/ui";
import { Spinner } from "../_components/Spinner";

interface SignInFormProps {
  returnTo: string;
  initialError: string | null;
  oauthProviders: Array<{ id: string; name: string }>;
}

export function SignInForm({ returnTo, initialError, oauthProviders }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [submitting, setSubmitting] = useState(false);
  // Until React handles the submit, the browser would send the form itself, password and all, in a GET.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setSubmitting(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setSubmitting(false);
    // Too many attempts or a busy server say when to try again; an unknown email and a wrong password read alike.
    setError(result ? describeSignInError(result.error ?? "CredentialsSignin") : "Can't reach Duet. Check your connection and try again.");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className={`${buttonClass} w-full`} disabled={!hydrated || submitting}>
        {submitting && <Spinner />}
        {submitting ? "Signing in…" : "Sign in"}
      </button>
      {oauthProviders.map((provider) => (
        <button
          key={provider.id}
          type="button"
          onClick={() => void signIn(provider.id, { callbackUrl: returnTo })}
          className={`${secondaryButtonClass} w-full`}
        >
          Continue with {provider.name}
        </button>
      ))}
      <p className="text-center text-sm text-slate-500 dark:text-slate-400">
        New to Duet?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-600 dark:text-brand-400 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
