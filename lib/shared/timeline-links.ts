/** Where a message sits in its room's timeline (no schemas here: pages load this on first paint). */

/** The element id a message has on its history page: `#m-<id>` links to it. */
export function messageAnchor(messageId: string): string {
  return `m-${messageId}`;
}

/** A message's permanent link: the room's history, scrolled to and highlighting it. */
export function messagePermalink(roomId: string, messageId: string): string {
  return `/history/${roomId}#${messageAnchor(messageId)}`;
}
