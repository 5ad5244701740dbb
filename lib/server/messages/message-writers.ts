import type { TDbClient } from "../db/create-db-client";
import { createMessageWriter, type TMessageWriter } from "./message-writer";
import { writeMessageBatch } from "./write-message-batch";

// One writer per database client (the process loads lib/server once, see next.config.js), so all
// of a client's chat writes share one queue and one room clock.
const writerByClient = new WeakMap<TDbClient, TMessageWriter>();
const writers = () => writerByClient;

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
