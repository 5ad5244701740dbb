import { z } from "zod";
import { ZCallJoinPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck } from "./handle-event";
import { broadcastPresence } from "./room-connections";
import { countSignal } from "./signal-allowance";
import { joinCall, leaveCall, updateMedia } from "./room-session";
import type { HandlerContext } from "./types";

export function registerCallHandlers(ctx: HandlerContext): void {
  const { socket, namespace, logger } = ctx;

  socket.on(
    "call:join",
    withAck(ctx, "call:join", ZCallJoinPayload, async ({ callSessionId, media }) => {
      await countSignal(ctx);
      return joinCall(ctx, callSessionId, media);
    }),
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
    withoutAck(ctx, "media:update", ZMediaUpdatePayload, async (media) => {
      await countSignal(ctx);
      updateMedia(ctx, media);
    }),
  );
}
