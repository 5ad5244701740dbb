import { roomApiPath } from "@/lib/shared/room";

/** While messages arrive on a visible page, at most one mark per this long (RATE_LIMIT_ROOM_READ allows far more). */
export const READ_MARK_INTERVAL_MS = 3_000;

/**
 * Tells Duet this member has the room on screen now. Best effort: a failure only leaves an
 * unread count too high until the next mark. `keepalive` lets a mark sent as the page goes
 * away still arrive.
 */
export function sendReadMark(roomId: string): void {
  void fetch(roomApiPath(roomId, "read"), { method: "PUT", keepalive: true, headers: { Accept: "application/json" } }).catch(() => {});
}

/**
 * When to mark a room read: when it is opened or comes back on screen, and while it is on
 * screen, as messages arrive (throttled); a message seen since the last mark is marked when the
 * page is hidden or closed, so the home page's count is right when the person gets there.
 */
export function createReadMarker(roomId: string, send: (roomId: string) => void = sendReadMark) {
  let unmarked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const mark = () => {
    clearTimeout(timer);
    timer = undefined;
    unmarked = false;
    send(roomId);
  };
  return {
    /** The room is on screen (opened, or the tab became visible again). */
    shown: mark,
    /** A message arrived; `visible`: the page is on screen. */
    messageArrived(visible: boolean) {
      if (!visible) return;
      unmarked = true;
      timer ??= setTimeout(mark, READ_MARK_INTERVAL_MS);
    },
    /** The page is hidden or going away: mark what was seen but not yet marked. */
    hidden() {
      if (unmarked) mark();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
