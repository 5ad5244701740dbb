import type { TDbClient } from "../db/create-db-client";
import { processSingleton } from "../process-singleton";
import { createMessageWriter, type TMessageWriter } from "./message-writer";
import { writeMessageBatch } from "./write-message-batch";

// Process-wide (see processSingleton): one writer per database client, whichever copy of this
// module asks, so all of a client's chat writes share one queue and one room clock.
const writers = () => processSingleton("message-writers", () => new WeakMap<TDbClient, TMessageWriter>());

/** The writer that batches `db`'s chat messages, made on first use. */
export function messageWriterFor(db: TDbClient): TMessageWriter {
  let writer = writers().get(db);
  if (!writer) {
    writer = createMessageWriter({ writeBatch: (writes) => writeMessageBatch(db, writes) });
    writers().set(db, writer);
  }
  return writer;
}

/** On shutdown, before the database closes: writes and answers every message already accepted. */
export async function closeMessageWriter(db: TDbClient): Promise<void> {
  await writers().get(db)?.close();
}
