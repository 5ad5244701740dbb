"use client";
import { signOut } from "@/lib/client/sign-out";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { FormError } from "../_components/FormError";
import { secondaryButtonClass } from "../_components/ui";
import { Spinner } from "../_components/Spinner";

export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setError(null);
    setBusy(true);
    try {
      await apiFetch("/api/account/sessions", { method: "DELETE" });
      // This browser's session has ended with the rest; clear its cookie and go to sign-in.
      await signOut({ callbackUrl: "/signin" });
    } catch (reason) {
      setBusy(false);
      setError(reason instanceof Error ? reason.message : "Could not sign out everywhere. Try again.");
    }
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      <button type="button" className={secondaryButtonClass} onClick={() => void signOutEverywhere()} disabled={busy}>
        {busy && <Spinner />}
        {busy ? "Signing out…" : "Sign out everywhere"}
      </button>
    </div>
  );
}
