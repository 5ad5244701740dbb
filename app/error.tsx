"use client";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto mt-10 max-w-md text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-lg bg-brand-600 px-4 py-2 text-sm text-white">
        Try again
      </button>
    </section>
  );
}
