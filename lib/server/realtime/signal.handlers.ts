import { AppError } from "@/lib/shared/errors";
import { ZSignalCandidatePayload, ZSignalDescriptionPayload } from "@/lib/shared/realtime-events";
import { withoutAck, type TClientEventHandlers } from "./handle-event";
import { signalingTarget } from "./room-session";
import { countSignal } from "./signal-allowance";
import type { HandlerContext } from "./types";

/**
 * Relays WebRTC signaling to the other member's connection in the call, and to no one else:
 * only the room's two members can be in its namespace, and each has one connection in the call.
 */
export const signalHandlers = {
  "signal:description": withoutAck({ schema: ZSignalDescriptionPayload, limit: countSignal }, (ctx, { description }) => {
    const { peers, callSessionId } = target(ctx);
    peers.emit("signal:description", { from: ctx.socket.data.user.id, callSessionId, description });
  }),

  "signal:candidate": withoutAck({ schema: ZSignalCandidatePayload, limit: countSignal }, (ctx, { candidate }) => {
    const { peers, callSessionId } = target(ctx);
    peers.emit("signal:candidate", { from: ctx.socket.data.user.id, callSessionId, candidate });
  }),
} satisfies Partial<TClientEventHandlers>;

function target(ctx: HandlerContext) {
  const found = signalingTarget(ctx);
  if (!found) throw new AppError("FORBIDDEN", "Join the call before signaling");
  return found;
}
