"use client";
import { signOut } from "@/lib/client/sign-out";
import { useState } from "react";
import { Spinner } from "./Spinner";

export function SignOutButton() {
  const [signingOut, setSigningOut] = useState(false);
  const onClick = () => {
    setSigningOut(true);
    void signOut({ callbackUrl: "/signin" }).catch(() => setSigningOut(false));
  };
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={signingOut}
      className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
    >
      {signingOut && <Spinner />}
      {signingOut ? "Signing out…" : "Sign out"}
    </button>
  );
}
