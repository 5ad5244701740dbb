import { z } from "zod";
import { ZCallJoinPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck } from "./handle-event";
import { userChannel } from "./user-channel";
import type { HandlerContext } from "./types";

export function registerCallHandlers(ctx: HandlerContext): void {
  const { socket, namespace, registry } = ctx;
  const { roomId, user } = socket.data;

  socket.on(
    "call:join",
    withAck(ctx, "call:join", ZCallJoinPayload, (media) => {
      // Joining again (a reload of the call without a reload of the page) starts afresh.
      leaveCall(ctx);
      const { peer } = registry.joinCall(roomId, user.id, media);
      // The member already in the call offers and the newcomer answers: a server-decided
      // first offer avoids start-up glare, which wedges Chromium's ICE gathering.
      if (peer) namespace.to(userChannel(peer.user.id)).emit("call:peer-joined", { user, media });
      namespace.emit("presence:update", registry.presence(roomId));
      return { peer };
    }),
  );

  socket.on(
    "call:leave",
    withAck(ctx, "call:leave", z.undefined(), () => {
      leaveCall(ctx);
      namespace.emit("presence:update", registry.presence(roomId));
      return null;
    }),
  );

  socket.on(
    "media:update",
    withoutAck(ctx, "media:update", ZMediaUpdatePayload, (media) => {
      registry.setMedia(roomId, user.id, media);
      socket.broadcast.emit("media:state", { userId: user.id, ...media });
    }),
  );
}

/** Takes the user out of the call and tells the other member, if they were in it. */
export function leaveCall({ socket, namespace, registry }: Pick<HandlerContext, "socket" | "namespace" | "registry">): void {
  const { roomId, user } = socket.data;
  const peer = registry.peerInCall(roomId, user.id);
  if (registry.leaveCall(roomId, user.id).wasInCall && peer) {
    namespace.to(userChannel(peer.user.id)).emit("call:peer-left", { userId: user.id });
  }
}
