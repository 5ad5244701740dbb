import { createShardedAdapter } from "@socket.io/redis-adapter";
import type { TRedisClient } from "../redis-client";

export interface RoomsRedisAdapterOptions {
  /** Prefix of the adapter's Redis channels; nodes sharing rooms must share it. */
  channelPrefix?: string;
}

/**
 * Socket.IO's sharded Redis adapter (Redis 7 sharded Pub/Sub), for a namespace per room.
 *
 * `subscriptionMode: "static"` gives each room namespace exactly two channels on a node (one
 * for the room's broadcasts, one for answers to this node's requests), and the adapter's own
 * close() unsubscribes both when the namespace closes: Redis holds state only for the rooms
 * open right now, through the adapter's public API alone. ("dynamic", the default, adds a
 * channel per Socket.IO room — per user and per call here — for no gain with two members.)
 *
 * `subscriber` must be a connection of its own (a subscribed connection can only subscribe);
 * the caller owns both clients and closes them.
 */
export function createRoomsRedisAdapter(
  publisher: TRedisClient,
  subscriber: TRedisClient,
  { channelPrefix = "duet" }: RoomsRedisAdapterOptions = {},
) {
  return createShardedAdapter(publisher, subscriber, { channelPrefix, subscriptionMode: "static" });
}
