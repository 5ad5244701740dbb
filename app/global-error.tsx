"use client";
import "./globals.css";

/**
 * When the root layout itself fails, this replaces the whole document, so it brings its own
 * <html> and <body>; it stays plain (no session, no header) because those are what failed.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <title>Something went wrong — Duet</title>
        <main className="mx-auto mt-16 max-w-md px-4 text-center">
          <section role="alert">
            <h1 className="text-xl font-semibold">Duet could not show this page</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Something went wrong on our side. Try again, or come back in a moment.</p>
            <div className="mt-5 flex justify-center gap-3">
              <button type="button" onClick={reset} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Try again
              </button>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load, in case the client-side router is what broke */}
              <a href="/" className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium dark:border-slate-700">
                Go home
              </a>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
