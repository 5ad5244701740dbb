"use client";
import { buttonClass } from "../../_components/ui";

export default function RoomError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto mt-10 max-w-md text-center">
      <h1 className="text-xl font-semibold">The room could not be opened</h1>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">Something went wrong on our side. Your messages are safe.</p>
      <button type="button" onClick={reset} className={`${buttonClass} mt-4`}>
        Try again
      </button>
    </section>
  );
}
