/** Handler work under way (e.g. a chat message being stored), so shutdown can let it finish. */
const pending = new Set<Promise<unknown>>();

export function trackInFlight<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  void work.finally(() => pending.delete(work)).catch(() => {});
  return work;
}

/** Resolves when everything under way now has settled. */
export async function drainInFlight(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
