"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { authPageHref } from "@/lib/shared/return-path";

/** The header's "Sign in" and "Sign up", carrying the current destination along. */
export function AuthLinks() {
  // useSearchParams needs a Suspense boundary; until it resolves, links without a destination.
  return (
    <Suspense fallback={<Links signIn="/signin" signUp="/signup" />}>
      <CurrentAuthLinks />
    </Suspense>
  );
}

function CurrentAuthLinks() {
  const current = { pathname: usePathname(), search: useSearchParams().toString() };
  return <Links signIn={authPageHref("/signin", current)} signUp={authPageHref("/signup", current)} />;
}

function Links({ signIn, signUp }: { signIn: string; signUp: string }) {
  return (
    <span className="ml-auto flex gap-3 text-sm">
      <Link href={signIn} className="hover:underline">
        Sign in
      </Link>
      <Link href={signUp} className="hover:underline">
        Sign up
      </Link>
    </span>
  );
}
