/**
 * The server time a room's messages are stored with. A room's chat is ordered by createdAt,
 * then id (MESSAGE_ORDER_NEWEST_FIRST), and ids do not follow send order, so two messages of a
 * room written by this process never share a millisecond: each takes the wall clock, or one
 * millisecond after the room's previous message if the clock has not moved past it (a burst
 * within one millisecond, or the clock stepped back). Per room rather than per process, so a
 * busy server does not run its clock ahead: a room sees at most a few messages a millisecond
 * only when its rate limit is off, as in the benchmark.
 */
export interface TRoomClock {
  next(roomId: string): Date;
}

/** How long a room's last time is remembered; past it the wall clock alone is ahead of it. */
const REMEMBER_MS = 10_000;

export function createRoomClock(now: () => number = Date.now): TRoomClock {
  const lastByRoom = new Map<string, number>();
  let prunedAt = now();
  const prune = (wallClock: number) => {
    if (wallClock - prunedAt < REMEMBER_MS) return;
    prunedAt = wallClock;
    for (const [roomId, last] of lastByRoom) if (last < wallClock - REMEMBER_MS) lastByRoom.delete(roomId);
  };
  return {
    next(roomId) {
      const wallClock = now();
      prune(wallClock);
      const last = lastByRoom.get(roomId);
      const time = last !== undefined && last >= wallClock ? last + 1 : wallClock;
      lastByRoom.set(roomId, time);
      return new Date(time);
    },
  };
}
