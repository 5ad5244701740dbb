"use client";
import type { KeyboardEvent, ReactNode } from "react";
import { FormError } from "../FormError";
import { secondaryButtonClass } from "../ui";
import { Spinner } from "../Spinner";

export const dangerButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60";

interface ConfirmPanelProps {
  /** What will happen, in words: names the room (and the guest) so the right one is confirmed. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/** An inline confirmation: the confirm button takes the focus, and Escape or Cancel backs out. */
export function ConfirmPanel({ children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel }: ConfirmPanelProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !pending) onCancel();
  };
  return (
    <div
      role="group"
      aria-label="Confirm"
      onKeyDown={onKeyDown}
      className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950"
    >
      <p>{children}</p>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {/* Focus moves here: the panel opened on this person's own click, and Enter confirms. */}
        <button type="button" autoFocus onClick={onConfirm} disabled={pending} className={dangerButtonClass}>
          {pending && <Spinner />}
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </div>
  );
}
