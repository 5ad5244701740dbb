import type { TDbClient } from "../db/create-db-client";
import { insertMessages } from "./insert-messages";
import { messageKey, type MessageWrite, type TWriteOutcome } from "./message-write";
import { MESSAGE_SELECT, toChatMessage } from "./message-select";
import { touchRooms } from "./touch-rooms";
import { writeOneMessage } from "./write-one-message";

/** Outcomes by write id. */
type TOutcomes = Map<string, TWriteOutcome>;

/** Not in what the database returned: unknown, so never acknowledged as stored. */
const MISSING: TWriteOutcome = { ok: false, error: new Error("A batch's result lacks one of its messages") };

/**
 * Stores a batch of messages with one INSERT and answers each write: stored (created), a retry
 * of a stored message (its first copy, not created), or its own error. A clientId twice in the
 * batch is stored once. If the batch fails as a whole (a room deleted meanwhile: a foreign key),
 * its messages are written one by one, so only the bad one fails. Every answer comes after the
 * statement that stored it has committed: nothing is acknowledged unstored.
 */
export async function writeMessageBatch(db: TDbClient, writes: MessageWrite[]): Promise<TWriteOutcome[]> {
  const keys = writes.map(messageKey);
  const firstOf = new Map<string, MessageWrite>();
  writes.forEach((write, i) => {
    if (!firstOf.has(keys[i]!)) firstOf.set(keys[i]!, write);
  });
  const firsts = [...firstOf.values()];
  // The batch's own error is not an answer: written one by one, each message gets its own.
  const outcomes = await storeTogether(db, firsts).catch(() => writeOneByOne(db, firsts));
  return writes.map((write, i) => {
    const first = firstOf.get(keys[i]!)!;
    const outcome = outcomes.get(first.id) ?? MISSING;
    // A later copy within the batch is a retry of the first: same answer, not created again.
    if (first === write || !outcome.ok) return outcome;
    return { ok: true, value: { ...outcome.value, created: false } };
  });
}

/**
 * The rooms are marked active alongside the insert, not in a transaction with it: Prisma's
 * transaction cost about a quarter of a batch's CPU, and side by side the two statements take
 * one round trip to PostgreSQL instead of two. The worst case is a room marked active for a
 * batch that then failed. When only the marking fails, the batch is written again one by one,
 * and each message finds its own copy stored (write-one-message.ts): answered as stored.
 */
async function storeTogether(db: TDbClient, writes: MessageWrite[]): Promise<TOutcomes> {
  const latest = new Date(Math.max(...writes.map((write) => write.createdAt.getTime())));
  const [touched, insert] = await Promise.allSettled([
    touchRooms(db, [...new Set(writes.map((write) => write.roomId))], latest),
    insertMessages(db, writes),
  ]);
  // Both settled first, so the one-by-one fallback never races this batch's own INSERT.
  if (touched.status === "rejected") throw touched.reason;
  if (insert.status === "rejected") throw insert.reason;
  const inserted = insert.value;
  const retries = writes.filter((write) => !inserted.has(write.id));
  const outcomes = await findStored(db, retries);
  for (const { id, roomId, author, clientId, body, createdAt } of writes) {
    if (!inserted.has(id)) continue;
    // The connection's author is a live account: a deleted one's connections are closed.
    const message = toChatMessage({ id, roomId, clientId, body, createdAt, author: { id: author.id, name: author.name, deletedAt: null } });
    outcomes.set(id, { ok: true, value: { message, created: true } });
  }
  return outcomes;
}

/** The stored first copies of writes that were retries of earlier batches' messages. */
async function findStored(db: TDbClient, retries: MessageWrite[]): Promise<TOutcomes> {
  if (retries.length === 0) return new Map();
  const rows = await db.message.findMany({
    where: { OR: retries.map(({ roomId, author, clientId }) => ({ roomId, authorId: author.id, clientId })) },
    select: MESSAGE_SELECT,
  });
  const storedByKey = new Map(rows.map((row) => [messageKey(row), toChatMessage(row)]));
  const outcomes: TOutcomes = new Map();
  for (const write of retries) {
    const message = storedByKey.get(messageKey(write));
    if (message) outcomes.set(write.id, { ok: true, value: { message, created: false } });
  }
  return outcomes;
}

async function writeOneByOne(db: TDbClient, writes: MessageWrite[]): Promise<TOutcomes> {
  const outcomes: TOutcomes = new Map();
  for (const write of writes) {
    const outcome = await writeOneMessage(db, write).then(
      (value): TWriteOutcome => ({ ok: true, value }),
      (error: unknown): TWriteOutcome => ({ ok: false, error }),
    );
    outcomes.set(write.id, outcome);
  }
  return outcomes;
}
