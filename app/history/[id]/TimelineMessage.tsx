import type { TChatMessage } from "@/lib/shared/message";
import { messageAnchor } from "@/lib/shared/timeline-links";
import { fullDateTime, timeOfDay } from "@/lib/client/history/format-time";

interface TimelineMessageProps {
  message: TChatMessage;
  mine: boolean;
  highlighted: boolean;
}

/**
 * One message of the history. Its accessible name is who, when and what (from its own text);
 * its time is the message's permalink. The body is text: markup a person typed is shown, never run.
 */
export function TimelineMessage({ message, mine, highlighted }: TimelineMessageProps) {
  const id = messageAnchor(message.id);
  return (
    <li
      id={id}
      data-entry-key={message.id}
      tabIndex={-1}
      aria-labelledby={`${id}-who ${id}-when ${id}-body`}
      aria-current={highlighted ? "location" : undefined}
      data-testid="timeline-message"
      data-highlighted={highlighted || undefined}
      className={`flex scroll-mt-24 flex-col rounded-lg px-1 py-0.5 ${mine ? "items-end" : "items-start"} ${
        highlighted ? "bg-amber-50 ring-2 ring-amber-400 dark:bg-amber-950" : ""
      }`}
    >
      <div className="flex items-baseline gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span id={`${id}-who`} className="font-medium text-slate-700 dark:text-slate-300">
          {mine ? "You" : message.author.name}
        </span>
        <a href={`#${id}`} title="Link to this message" className="hover:underline">
          <time id={`${id}-when`} dateTime={message.createdAt} title={fullDateTime(message.createdAt)}>
            {timeOfDay(message.createdAt)}
          </time>
        </a>
      </div>
      <p
        id={`${id}-body`}
        className={`mt-0.5 max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3 py-1.5 text-sm ${
          mine ? "bg-brand-600 text-white" : "bg-slate-100 dark:bg-slate-800"
        }`}
      >
        {message.body}
      </p>
    </li>
  );
}
