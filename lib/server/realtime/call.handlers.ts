import { z } from "zod";
import { ZCallJoinPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck } from "./handle-event";
import { broadcastPresence } from "./room-connections";
import { joinCall, leaveCall, updateMedia } from "./room-session";
import type { HandlerContext } from "./types";

export function registerCallHandlers(ctx: HandlerContext): void {
  const { socket, namespace, logger } = ctx;

  socket.on(
    "call:join",
    withAck(ctx, "call:join", ZCallJoinPayload, ({ callSessionId, media }) => joinCall(ctx, callSessionId, media)),
  );

  socket.on(
    "call:leave",
    withAck(ctx, "call:leave", z.undefined(), () => {
      leaveCall(ctx, "left");
      void broadcastPresence(namespace, logger);
      return null;
    }),
  );

  socket.on(
    "media:update",
    withoutAck(ctx, "media:update", ZMediaUpdatePayload, (media) => updateMedia(ctx, media)),
  );
}
