import { roomApiPath } from "@/lib/shared/paths";

/** While messages arrive on a visible page, at most one mark per this long: at most one per message at the fastest chat RATE_LIMIT_CHAT allows, which RATE_LIMIT_ROOM_READ covers. */
export const READ_MARK_INTERVAL_MS = 1_000;

/**
 * Tells Duet this member has the room on screen now. Best effort: a failure only leaves an
 * unread count too high until the next mark. `keepalive` lets a mark sent as the page goes
 * away still arrive.
 */
export function sendReadMark(roomId: string): void {
  void fetch(roomApiPath(roomId, "read"), { method: "PUT", keepalive: true, headers: { Accept: "application/json" } }).catch(() => {});
}

export interface TReadMarkerOptions {
  send?: (roomId: string) => void;
  now?: () => number;
}

/**
 * When to mark a room read: when it is opened or comes back on screen, and as messages arrive
 * while it is on screen: at once, or (right after another message's mark) as soon as the
 * interval allows, so that a person who reads a message and goes to the home page finds it read
 * there. A message seen since the last mark is marked when the page is hidden or closed.
 */
export function createReadMarker(roomId: string, { send = sendReadMark, now = Date.now }: TReadMarkerOptions = {}) {
  // Only marks for arriving messages count against the interval: the first message after the
  // room is opened is marked at once.
  let lastMessageMarkAt = -Infinity;
  let unmarked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const mark = () => {
    clearTimeout(timer);
    timer = undefined;
    unmarked = false;
    send(roomId);
  };
  const markMessages = () => {
    lastMessageMarkAt = now();
    mark();
  };
  return {
    /** The room is on screen (opened, or the tab became visible again). */
    shown: mark,
    /** A message arrived; `visible`: the page is on screen. */
    messageArrived(visible: boolean) {
      if (!visible) return;
      unmarked = true;
      if (timer) return;
      const wait = lastMessageMarkAt + READ_MARK_INTERVAL_MS - now();
      if (wait <= 0) markMessages();
      else timer = setTimeout(markMessages, wait);
    },
    /** The page is hidden or going away: mark what was seen but not yet marked, and wait for nothing. */
    hidden() {
      if (unmarked) mark();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
