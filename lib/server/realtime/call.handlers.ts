import { z } from "zod";
import { ZCallJoinPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck } from "./handle-event";
import { broadcastPresence, CALL_CHANNEL, callPeer } from "./room-connections";
import { isInitiator } from "./room-registry";
import type { HandlerContext } from "./types";

export function registerCallHandlers(ctx: HandlerContext): void {
  const { socket, namespace, logger } = ctx;
  const { user } = socket.data;

  socket.on(
    "call:join",
    withAck(ctx, "call:join", ZCallJoinPayload, async (media) => {
      // Joining again (a new call without a reload of the page) starts afresh.
      leaveCall(ctx);
      socket.data.inCall = true;
      socket.data.media = media;
      await socket.join(CALL_CHANNEL);
      const peer = await callPeer(namespace, user.id);
      if (peer) {
        const self = { user, media, connectionId: socket.id };
        namespace.to(peer.connectionId).emit("call:peer-joined", { peer: self, initiator: isInitiator(peer.user.id, user.id) });
      }
      void broadcastPresence(namespace, logger);
      return { pairing: peer ? { peer, initiator: isInitiator(user.id, peer.user.id) } : null };
    }),
  );

  socket.on(
    "call:leave",
    withAck(ctx, "call:leave", z.undefined(), () => {
      leaveCall(ctx);
      void broadcastPresence(namespace, logger);
      return null;
    }),
  );

  socket.on(
    "media:update",
    withoutAck(ctx, "media:update", ZMediaUpdatePayload, (media) => {
      socket.data.media = media;
      socket.broadcast.emit("media:state", { userId: user.id, ...media });
    }),
  );
}

/** Takes this connection out of the call and tells whoever is still in it. */
export function leaveCall({ socket, namespace }: Pick<HandlerContext, "socket" | "namespace">): void {
  if (!socket.data.inCall) return;
  socket.data.inCall = false;
  void socket.leave(CALL_CHANNEL);
  namespace.to(CALL_CHANNEL).except(socket.id).emit("call:peer-left", { userId: socket.data.user.id, connectionId: socket.id });
}
