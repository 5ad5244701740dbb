import { processSingleton } from "./process-singleton";

// Shared by server.ts, which shuts down, and Next's bundled /api/ready, which reports it.
const state = () => processSingleton("lifecycle", () => ({ shuttingDown: false }));

/** From now on /api/ready answers 503, so a proxy stops sending new work here. */
export function markShuttingDown(): void {
  state().shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}
