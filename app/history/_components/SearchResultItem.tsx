import type { TSearchResult } from "@/lib/shared/search";
import { snippetAround } from "@/lib/shared/search-snippet";
import { messagePermalink } from "@/lib/shared/timeline-links";
import type { TPublicUser } from "@/lib/shared/user";
import { fullDateTime } from "@/lib/client/history/format-time";

/**
 * One search hit: who, when, where (across rooms), and the words found marked in the text. It
 * links to the message's place in its room's timeline; a plain link, so that on the same page
 * the hash change opens the timeline there.
 */
export function SearchResultItem({ result, me, showRoom }: { result: TSearchResult; me: TPublicUser; showRoom: boolean }) {
  const { message, room } = result;
  const snippet = snippetAround(message.body, result.highlights);
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    if (from > at) parts.push({ text: snippet.text.slice(at, from), marked: false });
    parts.push({ text: snippet.text.slice(from, to), marked: true });
    at = to;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return (
    <li data-testid="search-result">
      <a href={messagePermalink(room.id, message.id)} className="block rounded-lg px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
        <span className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500 dark:text-slate-400">
          <span className="font-medium text-slate-700 dark:text-slate-300">{message.author.id === me.id ? "You" : message.author.name}</span>
          {showRoom && <span className="truncate">in {room.name}</span>}
          <time dateTime={message.createdAt}>{fullDateTime(message.createdAt)}</time>
        </span>
        <span className="mt-0.5 block whitespace-pre-wrap break-words text-sm">
          {snippet.cutStart && "…"}
          {parts.map((part, index) =>
            part.marked ? (
              <mark key={index} className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-700">
                {part.text}
              </mark>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
          {snippet.cutEnd && "…"}
        </span>
      </a>
    </li>
  );
}
