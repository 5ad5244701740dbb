import { createConcurrencyGate } from "@/lib/server/auth/concurrency-gate";
import { AppError } from "@/lib/shared/errors";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("the password hashing gate", () => {
  it("runs at most `concurrency` tasks at once and starts waiting ones in order", async () => {
    const gate = createConcurrencyGate({ concurrency: 2, maxQueue: 10 });
    const started: number[] = [];
    const blockers = [deferred(), deferred(), deferred()];
    const runs = blockers.map((blocker, i) => gate.run(async () => (started.push(i), blocker.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    blockers[0]!.resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    blockers.forEach((blocker) => blocker.resolve());
    await Promise.all(runs);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once, saying when to retry, when the queue is full", async () => {
    const gate = createConcurrencyGate({ concurrency: 1, maxQueue: 1 });
    const blocker = deferred();
    const running = gate.run(() => blocker.promise);
    const waiting = gate.run(async () => "done");
    const refused = await gate.run(async () => "never").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "UNAVAILABLE", retryAfterMs: 2_000 });
    blocker.resolve();
    await running;
    await expect(waiting).resolves.toBe("done");
  });

  it("frees the slot of a task that fails", async () => {
    const gate = createConcurrencyGate({ concurrency: 1, maxQueue: 0 });
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(async () => "next")).resolves.toBe("next");
  });
});
