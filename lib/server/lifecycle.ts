// Set by the graceful shutdown, read by /api/ready.
const state = { shuttingDown: false };

/** From now on /api/ready answers 503, so a proxy stops sending new work here. */
export function markShuttingDown(): void {
  state.shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}
