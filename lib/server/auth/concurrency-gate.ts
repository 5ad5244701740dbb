import { AppError } from "@/lib/shared/errors";

export interface ConcurrencyGateOptions {
  /** At most this many tasks run at once. */
  concurrency: number;
  /** At most this many more wait; beyond that a task is refused at once (UNAVAILABLE). */
  maxQueue: number;
  /** The retry hint a refused caller gets. */
  retryAfterMs?: number;
}

export interface TConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Running and waiting tasks, for tests and benchmarks. */
  readonly load: { running: number; waiting: number };
}

/** A counting semaphore with a bounded FIFO queue: the work in flight, and its memory, stay bounded. */
export function createConcurrencyGate({ concurrency, maxQueue, retryAfterMs = 2_000 }: ConcurrencyGateOptions): TConcurrencyGate {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    async run(task) {
      if (running < concurrency) running += 1;
      else if (waiting.length < maxQueue) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw new AppError("UNAVAILABLE", "Duet is busy. Try again in a few seconds.", undefined, retryAfterMs);
      // A released slot passes straight to the next waiter, so `running` already counts it.
      try {
        return await task();
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}
