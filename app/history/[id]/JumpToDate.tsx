"use client";
import { useState, type FormEvent } from "react";
import { startOfLocalDay } from "@/lib/client/history/format-time";
import { inputClass, secondaryButtonClass } from "../../_components/ui";

/** Opens the history at the first entry on or after a day the reader picks. */
export function JumpToDate({ onJump }: { onJump(at: string): void }) {
  const [day, setDay] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (day) onJump(startOfLocalDay(day));
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-2">
      <label className="min-w-0 flex-1 text-sm font-medium">
        Jump to date
        <input type="date" value={day} onChange={(event) => setDay(event.target.value)} required className={`${inputClass} mt-1`} />
      </label>
      <button type="submit" className={secondaryButtonClass}>
        Go
      </button>
    </form>
  );
}
