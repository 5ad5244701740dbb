import { ZCallConnectedPayload, ZCallJoinPayload, ZCallLeavePayload, ZCallQualityPayload, ZMediaUpdatePayload } from "@/lib/shared/realtime-events";
import { withAck, withoutAck, type TClientEventHandlers } from "./handle-event";
import { broadcastPresence } from "./room-connections";
import { joinCall, leaveCall, reportCallConnected, reportCallQuality, updateMedia } from "./room-session";
import { countSignal } from "./signal-allowance";

export const callHandlers = {
  "call:join": withAck({ schema: ZCallJoinPayload, limit: countSignal }, (ctx, { callSessionId, media }) => joinCall(ctx, callSessionId, media)),

  "call:leave": withAck({ schema: ZCallLeavePayload }, (ctx) => {
    leaveCall(ctx, "left");
    void broadcastPresence(ctx.namespace, ctx.logger);
    return null;
  }),

  // Call records: counted as signaling, since the same browser sends them in the same call.
  "call:connected": withoutAck({ schema: ZCallConnectedPayload, limit: countSignal }, (ctx, { peerCallSessionId }) =>
    reportCallConnected(ctx, peerCallSessionId),
  ),

  "call:quality": withoutAck({ schema: ZCallQualityPayload, limit: countSignal }, (ctx, { callSessionId, quality }) =>
    reportCallQuality(ctx, callSessionId, quality),
  ),

  "media:update": withoutAck({ schema: ZMediaUpdatePayload, limit: countSignal }, updateMedia),
} satisfies Partial<TClientEventHandlers>;
