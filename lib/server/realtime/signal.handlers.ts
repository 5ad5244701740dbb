import { AppError } from "@/lib/shared/errors";
import { ZSignalCandidatePayload, ZSignalDescriptionPayload } from "@/lib/shared/realtime-events";
import { withoutAck } from "./handle-event";
import { signalingTarget } from "./room-session";
import { countSignal } from "./signal-allowance";
import type { HandlerContext } from "./types";

/**
 * Relays WebRTC signaling to the other member's connection in the call, and to no one else:
 * only the room's two members can be in its namespace, and each has one connection in the call.
 */
export function registerSignalHandlers(ctx: HandlerContext): void {
  const { socket } = ctx;
  const from = socket.data.user.id;
  const limit = () => countSignal(ctx);

  const target = () => {
    const found = signalingTarget(ctx);
    if (!found) throw new AppError("FORBIDDEN", "Join the call before signaling");
    return found;
  };

  socket.on(
    "signal:description",
    withoutAck(ctx, { event: "signal:description", schema: ZSignalDescriptionPayload, limit }, ({ description }) => {
      const { peers, callSessionId } = target();
      peers.emit("signal:description", { from, callSessionId, description });
    }),
  );

  socket.on(
    "signal:candidate",
    withoutAck(ctx, { event: "signal:candidate", schema: ZSignalCandidatePayload, limit }, ({ candidate }) => {
      const { peers, callSessionId } = target();
      peers.emit("signal:candidate", { from, callSessionId, candidate });
    }),
  );
}
