"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";
import { isAppError } from "@/lib/shared/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/shared/input-limits";
import { apiFetch } from "@/lib/client/api-client";
import { loadInputSchemas, preloadInputSchemas } from "@/lib/client/load-input-schemas";
import { Field } from "../_components/Field";
import { FormError } from "../_components/FormError";
import { buttonClass } from "../_components/ui";
import { Spinner } from "../_components/Spinner";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Until React handles the submit, the browser would send the form itself, password and all, in a GET.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    setError(null);
    setFields({});
    setSubmitting(true);
    try {
      // The same schema the server enforces, for instant feedback.
      const { parseInput, ZSignUpInput } = await loadInputSchemas();
      const input = parseInput(ZSignUpInput, raw);
      await apiFetch("/api/users", { method: "POST", body: JSON.stringify(input) });
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (!result?.ok || result.error) throw new Error("Your account was created, but signing in failed. Sign in to continue.");
      router.replace(returnTo);
      router.refresh();
    } catch (reason) {
      setSubmitting(false);
      if (isAppError(reason) && reason.fields) setFields(reason.fields);
      else setError(reason instanceof Error ? reason.message : "Sign-up failed. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} onFocus={preloadInputSchemas} className="space-y-4" noValidate>
      <FormError message={error} />
      <Field label="Your name" name="name" autoComplete="name" required autoFocus error={fields.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={fields.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <button type="submit" className={`${buttonClass} w-full`} disabled={!hydrated || submitting}>
        {submitting && <Spinner />}
        {submitting ? "Creating your account…" : "Sign up"}
      </button>
      <p className="text-center text-sm text-slate-500 dark:text-slate-400">
        Have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-600 dark:text-brand-400 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
