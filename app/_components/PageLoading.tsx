import { Spinner } from "./Spinner";

/**
 * What a route shows (its loading.tsx) while the server gathers its data: says what is coming,
 * as a status screen readers announce, over a few grey bars where the content will be.
 */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="mx-auto max-w-2xl">
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
        <Spinner />
        {label}
      </p>
      <div aria-hidden className="mt-4 space-y-3">
        <div className="h-6 w-1/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-16 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        <div className="h-16 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      </div>
    </div>
  );
}
