"use client";
import { signOut } from "@/lib/client/sign-out";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/signin" })} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      Sign out
    </button>
  );
}
