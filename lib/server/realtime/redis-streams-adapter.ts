import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { TRedisClient } from "../redis-client";

type TAdapterFactory = ReturnType<typeof createAdapter>;
type TAdapter = ReturnType<TAdapterFactory>;

/**
 * The Socket.IO Redis streams adapter, made safe for a namespace per room.
 *
 * Broadcasts travel through one Redis stream for every namespace, but each namespace's
 * adapter also SUBSCRIBEs two Pub/Sub channels (for fetchSockets and other requests) and
 * @socket.io/redis-streams-adapter 0.3.1 never unsubscribes them when the namespace closes:
 * every room ever opened would leave two channels behind on the Redis server. We capture the
 * adapter's subscriber connection and unsubscribe a namespace's channels when it closes.
 */
export function createRoomsRedisAdapter(redis: TRedisClient, options: Parameters<typeof createAdapter>[1] = {}): TAdapterFactory {
  const channelPrefix = options.channelPrefix ?? "socket.io";
  let subscriber: { unsubscribe(channel: string): Promise<unknown> } | undefined;
  const capturing = new Proxy(redis, {
    get(target, property, receiver) {
      if (property !== "duplicate") return Reflect.get(target, property, receiver);
      return (...args: Parameters<TRedisClient["duplicate"]>) => {
        const duplicate = target.duplicate(...args);
        const subscribe = duplicate.subscribe.bind(duplicate);
        // The adapter duplicates the client for stream readers and for one subscriber; the
        // one that subscribes is the subscriber.
        duplicate.subscribe = ((...subscribeArgs: Parameters<typeof subscribe>) => {
          subscriber = duplicate;
          return subscribe(...subscribeArgs);
        }) as typeof duplicate.subscribe;
        return duplicate;
      };
    },
  });
  const factory = createAdapter(capturing as TRedisClient, { ...options, channelPrefix });
  // A `function`, not an arrow: Socket.IO calls the adapter factory with `new`.
  return function roomsAdapter(nsp: Parameters<TAdapterFactory>[0]) {
    const adapter: TAdapter = factory(nsp);
    const close = adapter.close.bind(adapter);
    adapter.close = () => {
      const result = close();
      const channels = [`${channelPrefix}#${nsp.name}#`, `${channelPrefix}#${nsp.name}#${(adapter as unknown as { uid: string }).uid}#`];
      // One channel at a time: node-redis mishandles multi-channel UNSUBSCRIBE replies (redis/node-redis#2052).
      for (const channel of channels) void subscriber?.unsubscribe(channel).catch(() => {});
      return result;
    };
    return adapter;
  } as TAdapterFactory;
}
