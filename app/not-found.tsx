import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <section className="mx-auto mt-10 max-w-md text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">The link may be wrong, or the page is not yours to see.</p>
      <Link href="/" className="mt-4 inline-block text-brand-600 dark:text-brand-400 hover:underline">
        Go home
      </Link>
    </section>
  );
}
