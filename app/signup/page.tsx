import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/shared/return-path";
import { getSessionUser } from "../_lib/session-user";
import { cardClass } from "../_components/ui";
import { SignUpForm } from "./SignUpForm";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className={`mx-auto mt-8 max-w-sm ${cardClass}`}>
      <h1 className="mb-1 text-xl font-semibold">Create your Duet account</h1>
      <p className="mb-5 text-sm text-slate-500 dark:text-slate-400">Video calls for two, with a chat that keeps its history.</p>
      <SignUpForm returnTo={returnTo} />
    </div>
  );
}
