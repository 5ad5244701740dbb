/**
 * The baseline: a bare Socket.IO server that checks nothing. Each client names its room and
 * itself in the handshake; `chat:send` is inserted with the raw driver, relayed to the room
 * and acknowledged, in that order, as Duet does. With several nodes it uses the same sharded
 * Redis adapter as Duet, configured alike. As the "relay" kind it stores nothing: the floor.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createShardedAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { openBareStore } from "./bare-store";
import type { NodeSpec } from "./protocol";

export interface RunningNode {
  url: string;
  close(): Promise<void>;
}

export async function startBareRelay({ kind, databaseUrl, nodeIndex, cluster }: NodeSpec): Promise<RunningNode> {
  const store = kind === "relay" ? null : openBareStore(databaseUrl);
  const redis = cluster ? createClient({ url: cluster.redisUrl }) : null;
  const subscriber = redis?.duplicate() ?? null;
  await Promise.all([redis?.connect(), subscriber?.connect()]);
  const httpServer = createServer();
  const io = new Server(httpServer, {
    serveClient: false,
    ...(redis &&
      subscriber &&
      cluster && { adapter: createShardedAdapter(redis, subscriber, { channelPrefix: cluster.names.channelPrefix, subscriptionMode: "static" }) }),
  });
  // Ordered per node: a sender's messages sort in arrival order even within one millisecond.
  let sequence = 0;
  const nextId = () => `bare${nodeIndex}-${String(sequence++).padStart(12, "0")}`;

  io.on("connection", (socket) => {
    const { roomId, authorId } = socket.handshake.auth as { roomId: string; authorId: string };
    void socket.join(roomId);
    socket.on("chat:send", async (payload: { clientId: string; body: string }, ack: (reply: unknown) => void) => {
      const row = { id: nextId(), roomId, authorId, clientId: payload.clientId, body: payload.body, createdAt: new Date() };
      try {
        await store?.insert(row);
      } catch (error) {
        return ack({ ok: false, error: { code: "INTERNAL", message: String(error) } });
      }
      const message = { ...row, createdAt: row.createdAt.toISOString(), author: { id: authorId } };
      socket.to(roomId).emit("chat:message", message);
      ack({ ok: true, data: message });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all([redis?.quit(), subscriber?.quit()]);
      await store?.close();
    },
  };
}
