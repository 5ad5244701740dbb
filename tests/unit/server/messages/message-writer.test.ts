import { createMessageWriter } from "@/lib/server/messages/message-writer";
import type { MessageWrite, TWriteOutcome } from "@/lib/server/messages/message-write";
import { AppError } from "@/lib/shared/errors";

const stored = (write: MessageWrite): TWriteOutcome => ({
  ok: true,
  value: {
    created: true,
    message: {
      id: write.id,
      roomId: write.roomId,
      clientId: write.clientId,
      body: write.body,
      createdAt: write.createdAt.toISOString(),
      author: write.author,
    },
  },
});

/** A fake database: records each batch and holds it until released. */
function fakeBatches(answer: (write: MessageWrite) => TWriteOutcome = stored) {
  const batches: Array<{ writes: MessageWrite[]; release(): void }> = [];
  const writeBatch = (writes: MessageWrite[]) =>
    new Promise<TWriteOutcome[]>((resolve) => batches.push({ writes, release: () => resolve(writes.map(answer)) }));
  return { batches, writeBatch };
}

const message = (clientId: string, roomId = "room") => ({ roomId, author: { id: "ada", name: "Ada" }, clientId, body: `body ${clientId}` });
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("the message writer", () => {
  it("writes the messages of one event-loop turn in one batch", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch });
    const written = ["1", "2", "3"].map((clientId) => writer.write(message(clientId)));
    await turn();
    expect(batches.map((batch) => batch.writes.map((write) => write.clientId))).toEqual([["1", "2", "3"]]);
    batches[0]!.release();
    expect((await Promise.all(written)).map(({ message: { clientId } }) => clientId)).toEqual(["1", "2", "3"]);
  });

  it("answers no message before its batch is written", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch });
    let answered = false;
    void writer.write(message("1")).then(() => (answered = true));
    await turn();
    await turn();
    expect(answered).toBe(false);
    batches[0]!.release();
    await turn();
    expect(answered).toBe(true);
  });

  it("gathers what arrives during a batch into the next one, started as soon as the first is written", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch });
    const first = writer.write(message("1"));
    await turn();
    const later = [writer.write(message("2")), writer.write(message("3"))];
    await turn();
    expect(batches).toHaveLength(1);
    batches[0]!.release();
    await first;
    await turn();
    expect(batches.map((batch) => batch.writes.map((write) => write.clientId))).toEqual([["1"], ["2", "3"]]);
    batches[1]!.release();
    await Promise.all(later);
  });

  it("splits a flood into batches of at most maxBatch", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch, maxBatch: 2 });
    const written = ["1", "2", "3", "4", "5"].map((clientId) => writer.write(message(clientId)));
    for (let i = 0; i < 3; i++) {
      await turn();
      batches[i]!.release();
      await written[Math.min(2 * i + 1, 4)];
    }
    expect(batches.map((batch) => batch.writes.length)).toEqual([2, 2, 1]);
  });

  it("stamps a room's messages with increasing times in the order they were written", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch, maxBatch: 2 });
    ["1", "2", "3"].forEach((clientId) => void writer.write(message(clientId)));
    await turn();
    batches[0]!.release();
    await turn();
    await turn();
    const times = batches.flatMap((batch) => batch.writes.map((write) => write.createdAt.getTime()));
    expect(times).toHaveLength(3);
    expect(times[1]!).toBeGreaterThan(times[0]!);
    expect(times[2]!).toBeGreaterThan(times[1]!);
  });

  it("fails only the writes the batch could not store", async () => {
    const refused = new AppError("NOT_FOUND", "gone");
    const { batches, writeBatch } = fakeBatches((write) => (write.roomId === "gone" ? { ok: false, error: refused } : stored(write)));
    const writer = createMessageWriter({ writeBatch });
    const [kept, lost] = [writer.write(message("1")), writer.write(message("2", "gone"))];
    await turn();
    batches[0]!.release();
    await expect(kept).resolves.toMatchObject({ created: true });
    await expect(lost).rejects.toBe(refused);
  });

  it("fails every write of a batch that broke, and goes on with the next", async () => {
    let calls = 0;
    const writer = createMessageWriter({
      writeBatch: async (writes) => {
        calls++;
        if (calls === 1) throw new Error("database unreachable");
        return writes.map(stored);
      },
    });
    await expect(Promise.all([writer.write(message("1")), writer.write(message("2"))])).rejects.toThrow("database unreachable");
    await expect(writer.write(message("3"))).resolves.toMatchObject({ created: true });
  });

  it("on close, answers what it accepted and refuses what comes after", async () => {
    const { batches, writeBatch } = fakeBatches();
    const writer = createMessageWriter({ writeBatch });
    const accepted = writer.write(message("1"));
    let closed = false;
    const closing = writer.close().then(() => (closed = true));
    await expect(writer.write(message("2"))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await turn();
    expect(closed).toBe(false);
    batches[0]!.release();
    await closing;
    await expect(accepted).resolves.toMatchObject({ created: true });
  });
});
