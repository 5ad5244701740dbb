import { setTimeout as pause } from "node:timers/promises";

/** Polls a condition until it holds; fails with `what` after the timeout. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await pause(10);
  }
}
