import type { HandlerContext, RoomSocket } from "./types";

const bySocket = new WeakMap<RoomSocket, () => Promise<void>>();

/**
 * Counts one signaling event (call:join, call:connected, call:quality, media:update, signal:*)
 * against the connection's allowance. The counts settle in arrival order even when Redis answers
 * a burst's second lookup later than a fresh window's first, so a relayed description never
 * overtakes its candidates.
 */
export function countSignal(ctx: HandlerContext): Promise<void> {
  let count = bySocket.get(ctx.socket);
  if (!count) {
    let previous: Promise<unknown> = Promise.resolve();
    count = () => {
      const turn = previous.then(() => ctx.rateLimits.consume("signaling", ctx.socket.id));
      previous = turn.catch(() => {});
      return turn;
    };
    bySocket.set(ctx.socket, count);
  }
  return count();
}
