"use client";
import { useState, type FormEvent } from "react";
import type { TSessionsEnded } from "@/lib/shared/account";
import { isAppError } from "@/lib/shared/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/shared/input-limits";
import { apiFetch } from "@/lib/client/api-client";
import { loadInputSchemas, preloadInputSchemas } from "@/lib/client/load-input-schemas";
import { Field } from "../_components/Field";
import { FormError } from "../_components/FormError";
import { buttonClass } from "../_components/ui";
import { Spinner } from "../_components/Spinner";

export function ChangePasswordForm() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setFields({});
    setDone(null);
    setSubmitting(true);
    try {
      const { parseInput, ZChangePasswordInput } = await loadInputSchemas();
      const input = parseInput(ZChangePasswordInput, { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
      const { endedSessions } = await apiFetch<TSessionsEnded>("/api/account/password", { method: "POST", body: JSON.stringify(input) });
      formElement.reset();
      setDone(
        endedSessions === 0
          ? "Your password is changed."
          : `Your password is changed, and ${endedSessions === 1 ? "1 other browser was" : `${endedSessions} other browsers were`} signed out.`,
      );
    } catch (reason) {
      if (isAppError(reason) && reason.fields) setFields(reason.fields);
      else setError(reason instanceof Error ? reason.message : "Could not change your password. Try again.");
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={onSubmit} onFocus={preloadInputSchemas} className="space-y-4" noValidate>
      <FormError message={error} />
      {done && (
        <p
          role="status"
          className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
        >
          {done}
        </p>
      )}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fields.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={fields.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Other browsers signed in to your account are signed out.`}
      />
      <button type="submit" className={buttonClass} disabled={submitting}>
        {submitting && <Spinner />}
        {submitting ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
