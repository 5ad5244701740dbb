import type { TChatMessage, THistoryPage } from "@/lib/shared/message";

/** How far back a reconnect looks for what it missed: 10 pages of 50. */
export const CATCH_UP_MAX_PAGES = 10;

/**
 * What was said while this browser was away: the newest page, then older ones until a page
 * reaches a message it already holds, so an outage longer than one page leaves no gap that
 * "Load older" (which pages back from the oldest message held) would never fill. Holding
 * nothing yet, the newest page is all it needs. Stops at the room's start or after `maxPages`.
 */
export async function catchUp(
  loadHistory: (before: string | null) => Promise<THistoryPage>,
  holds: (messageId: string) => boolean,
  holdsAny: boolean,
  maxPages = CATCH_UP_MAX_PAGES,
): Promise<TChatMessage[]> {
  const missed: TChatMessage[] = [];
  let before: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    // A page that fails ends the catch-up with what came before it; the next connect tries again.
    const read: THistoryPage | null = await loadHistory(before).catch(() => null);
    if (!read) break;
    missed.unshift(...read.messages);
    if (!holdsAny || read.nextCursor === null || read.messages.some((message) => holds(message.id))) break;
    before = read.nextCursor;
  }
  return missed;
}
