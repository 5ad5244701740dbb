import { z } from "zod";
import { ZCallConnectedPayload, ZCallJoinPayload, ZCallQualityPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck } from "./handle-event";
import { broadcastPresence } from "./room-connections";
import { countSignal } from "./signal-allowance";
import { joinCall, leaveCall, reportCallConnected, reportCallQuality, updateMedia } from "./room-session";
import type { HandlerContext } from "./types";

/** Built once: a zod schema made per connection costs ~1 kB for as long as the socket is open. */
const ZNoPayload = z.undefined();

export function registerCallHandlers(ctx: HandlerContext): void {
  const { socket, namespace, logger } = ctx;
  const limit = () => countSignal(ctx);

  socket.on(
    "call:join",
    withAck(ctx, { event: "call:join", schema: ZCallJoinPayload, limit }, ({ callSessionId, media }) => joinCall(ctx, callSessionId, media)),
  );

  socket.on(
    "call:leave",
    withAck(ctx, { event: "call:leave", schema: ZNoPayload }, () => {
      leaveCall(ctx, "left");
      void broadcastPresence(namespace, logger);
      return null;
    }),
  );

  // Call records: counted as signaling, since the same browser sends them in the same call.
  socket.on(
    "call:connected",
    withoutAck(ctx, { event: "call:connected", schema: ZCallConnectedPayload, limit }, ({ peerCallSessionId }) =>
      reportCallConnected(ctx, peerCallSessionId),
    ),
  );

  socket.on(
    "call:quality",
    withoutAck(ctx, { event: "call:quality", schema: ZCallQualityPayload, limit }, ({ callSessionId, quality }) =>
      reportCallQuality(ctx, callSessionId, quality),
    ),
  );

  socket.on(
    "media:update",
    withoutAck(ctx, { event: "media:update", schema: ZMediaUpdatePayload, limit }, (media) => updateMedia(ctx, media)),
  );
}
