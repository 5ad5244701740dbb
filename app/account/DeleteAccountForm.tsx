"use client";
import { signOut } from "@/lib/client/sign-out";
import { useState, type FormEvent } from "react";
import { isAppError } from "@/lib/shared/errors";
import { apiFetch } from "@/lib/client/api-client";
import { Field } from "../_components/Field";
import { FormError } from "../_components/FormError";
import { Spinner } from "../_components/Spinner";

const dangerButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60";

/** Confirmed with the password, or (an account without one) by typing the email address. */
export function DeleteAccountForm({ confirmWith }: { confirmWith: "password" | "email" }) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get(confirmWith);
    setError(null);
    setFields({});
    setSubmitting(true);
    try {
      await apiFetch("/api/account", { method: "DELETE", body: JSON.stringify({ [confirmWith]: typeof value === "string" ? value : "" }) });
      await signOut({ callbackUrl: "/signin?deleted=1" });
    } catch (reason) {
      setSubmitting(false);
      if (isAppError(reason) && reason.fields) setFields(reason.fields);
      else setError(reason instanceof Error ? reason.message : "Could not delete your account. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      {confirmWith === "password" ? (
        <Field label="Your password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
      ) : (
        <Field label="Type your email address to confirm" name="email" type="email" autoComplete="off" required error={fields.email} />
      )}
      <button type="submit" className={dangerButtonClass} disabled={submitting}>
        {submitting && <Spinner />}
        {submitting ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
