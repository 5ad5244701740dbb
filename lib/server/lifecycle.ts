const STATE_KEY = Symbol.for("duet.lifecycle");
type TGlobalWithLifecycle = typeof globalThis & { [STATE_KEY]?: { shuttingDown: boolean } };

// On globalThis: server.ts and Next's bundled /api/ready are separate module instances.
function state() {
  const store = globalThis as TGlobalWithLifecycle;
  return (store[STATE_KEY] ??= { shuttingDown: false });
}

/** From now on /api/ready answers 503, so a proxy stops sending new work here. */
export function markShuttingDown(): void {
  state().shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}
