/**
 * The benchmark's conversation, the same on both databases: one busy room (Ada and Ben) with
 * the requested number of messages a minute apart and a call every 2,000 messages, and a
 * smaller room (Ada and Cy) so that "all my rooms" and room filters have something to skip.
 * Words follow a Zipf-like law over a small vocabulary, so "the" is in about half the
 * messages, and RARE_WORD in one message in 20,000.
 */
import { randomUUID } from "node:crypto";
import type { TMessageRow } from "../message-rows";

export const COMMON_WORD = "the";
export const RARE_WORD = "quokka";
const RARE_EVERY = 20_000;
export const CALL_EVERY = 2_000;
/** The other room holds this share of the busy room's count. */
export const OTHER_ROOM_SHARE = 0.02;

const VOCABULARY = (
  "the to and a of you it is that in we for on this be with are have can not just what so do at but if will know about " +
  "think time good meeting call tomorrow today yes no maybe thanks ok sure lunch project review deploy code bug fix test " +
  "later friday monday week design plan idea doc draft send sent link read write check looks great nice sorry late soon " +
  "morning evening night weekend coffee tea train bus home office remote screen share audio video camera mic mute sound " +
  "slide deck budget client customer team manager report numbers quarter goal launch release branch merge ticket issue " +
  "server database query index cache memory disk network latency login password account email chat message room link"
).split(" ");

/** Mulberry32: the same sequence on every run, so both databases hold the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUMULATIVE = (() => {
  const weights = VOCABULARY.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let sum = 0;
  return weights.map((weight) => (sum += weight / total));
})();

function word(next: () => number): string {
  const target = next();
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low]!;
}

/** Lower-case letters and digits, ordered like the messages: as Prisma's cuids would be. */
export const benchMessageId = (room: "a" | "b", index: number) => `c${room}${index.toString(36).padStart(10, "0")}${"x".repeat(12)}`;

/** Messages `from` to `to` (exclusive) of a room, oldest first, a minute apart from `start`. */
export function* benchMessages(
  room: { id: string; tag: "a" | "b"; authors: [string, string] },
  start: Date,
  from: number,
  to: number,
): Generator<TMessageRow> {
  for (let index = from; index < to; index += 1) {
    const next = random(index * 7919 + (room.tag === "a" ? 1 : 2));
    const length = 4 + Math.floor(next() * 11);
    const words = Array.from({ length }, () => word(next));
    if (index % RARE_EVERY === 7_777 % RARE_EVERY) words.splice(Math.floor(next() * length), 0, RARE_WORD);
    yield {
      id: benchMessageId(room.tag, index),
      roomId: room.id,
      authorId: room.authors[index % 2]!,
      clientId: randomUUID(),
      body: words.join(" "),
      createdAt: new Date(start.getTime() + index * 60_000),
    };
  }
}

export interface TBenchCall {
  id: string;
  roomId: string;
  sessionKey: string;
  startedAt: Date;
  endedAt: Date;
  participants: Array<{
    userId: string;
    callSessionId: string;
    path: string;
    protocol: string;
    rttMs: number;
    packetLossPct: number;
    frameWidth: number;
    frameHeight: number;
  }>;
}

/** A call every CALL_EVERY messages of the busy room, 12 minutes long, starting 30 s after a message. */
export function benchCalls(room: { id: string; authors: [string, string] }, start: Date, messages: number): TBenchCall[] {
  const calls: TBenchCall[] = [];
  for (let index = CALL_EVERY / 2; index < messages; index += CALL_EVERY) {
    const startedAt = new Date(start.getTime() + index * 60_000 + 30_000);
    const sessions = room.authors.map(() => randomUUID().replaceAll("-", ""));
    calls.push({
      id: `k${index.toString(36).padStart(10, "0")}${"y".repeat(13)}`,
      roomId: room.id,
      sessionKey: [...sessions].sort().join("."),
      startedAt,
      endedAt: new Date(startedAt.getTime() + 12 * 60_000),
      participants: room.authors.map((userId, side) => ({
        userId,
        callSessionId: sessions[side]!,
        path: side ? "relay" : "direct",
        protocol: "udp",
        rttMs: 20 + side * 15,
        packetLossPct: 0.1,
        frameWidth: 1280,
        frameHeight: 720,
      })),
    });
  }
  return calls;
}
