import type { TChatEntry } from "@/lib/client/chat-entries";
import { LocalTime } from "../LocalTime";

interface ChatMessageItemProps {
  entry: TChatEntry;
  mine: boolean;
  onRetry(clientId: string): void;
  onDiscard?(clientId: string): void;
}

/** One message. Its body is rendered as text: markup a person typed is shown, never run. */
export function ChatMessageItem({ entry, mine, onRetry, onDiscard }: ChatMessageItemProps) {
  const unsent = entry.status === "queued" || entry.status === "pending";
  return (
    <li data-testid="chat-message" data-status={entry.status} className={`flex flex-col ${mine ? "items-end" : "items-start"}`}>
      <div className="flex items-baseline gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span className="font-medium text-slate-700 dark:text-slate-300">{mine ? "You" : entry.author.name}</span>
        <LocalTime iso={entry.status === "sent" ? entry.createdAt : entry.typedAt} />
      </div>
      <p
        className={`mt-0.5 max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3 py-1.5 text-sm ${
          mine ? "bg-brand-600 text-white" : "bg-slate-100 dark:bg-slate-800"
        } ${unsent ? "opacity-60" : ""} ${entry.status === "failed" ? "ring-2 ring-red-500" : ""}`}
      >
        {entry.body}
      </p>
      {entry.status === "queued" && <span className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">Will send when back online</span>}
      {entry.status === "pending" && <span className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">Sending…</span>}
      {entry.status === "failed" && (
        <span role="alert" className="mt-0.5 flex items-center gap-2 text-xs text-red-700 dark:text-red-300">
          Not sent: {entry.error}
          <button type="button" onClick={() => onRetry(entry.clientId)} className="font-semibold underline">
            Retry
          </button>
          {onDiscard && (
            <button type="button" onClick={() => onDiscard(entry.clientId)} className="font-semibold underline">
              Discard
            </button>
          )}
        </span>
      )}
    </li>
  );
}
