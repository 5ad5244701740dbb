import type { ReactNode } from "react";
import type { TStepStatus } from "@/lib/client/connectivity/types";

const STATUS_TEXT: Record<TStepStatus, string> = { pending: "Checking", pass: "Passed", warn: "Warning", fail: "Failed", skip: "Not tested" };

const STATUS_STYLE: Record<Exclude<TStepStatus, "pending">, { icon: string; className: string }> = {
  pass: { icon: "✓", className: "bg-emerald-600 text-white" },
  warn: { icon: "!", className: "bg-amber-500 text-slate-950" },
  fail: { icon: "✕", className: "bg-red-600 text-white" },
  skip: { icon: "–", className: "bg-slate-300 text-slate-700 dark:bg-slate-700 dark:text-slate-200" },
};

export function StatusIcon({ status }: { status: TStepStatus }) {
  if (status === "pending") {
    return (
      <span aria-hidden className="mt-0.5 inline-block h-5 w-5 shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
    );
  }
  const { icon, className } = STATUS_STYLE[status];
  return (
    <span aria-hidden className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${className}`}>
      {icon}
    </span>
  );
}

interface CheckStepProps {
  id: string;
  title: string;
  status: TStepStatus;
  message: string;
  children?: ReactNode;
}

/** One line of the check: what is tested, its state, and one plain sentence. */
export function CheckStep({ id, title, status, message, children }: CheckStepProps) {
  return (
    <li data-testid={`check-step-${id}`} data-status={status} aria-busy={status === "pending"} className="flex gap-3 py-3">
      <StatusIcon status={status} />
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-medium">
          {title} <span className="sr-only">: {STATUS_TEXT[status]}</span>
        </h2>
        <p data-testid={`check-step-${id}-message`} className="text-sm text-slate-600 dark:text-slate-400">
          {message}
        </p>
        {children}
      </div>
    </li>
  );
}
