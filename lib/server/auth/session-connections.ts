type TCloseConnections = (sessionIds: string[]) => void;

/**
 * Who closes the live room connections of sessions that just ended. server.ts installs the
 * realtime server's; route handlers call it (one module instance per process: next.config.js).
 * Without a realtime server (a test, a script) there are no connections to close.
 */
const slot: { close: TCloseConnections } = { close: () => {} };

export function installSessionConnectionCloser(close: TCloseConnections): void {
  slot.close = close;
}

export function closeSessionConnections(sessionIds: string[]): void {
  if (sessionIds.length > 0) slot.close(sessionIds);
}
