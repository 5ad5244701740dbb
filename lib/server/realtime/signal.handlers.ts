import { AppError } from "@/lib/shared/errors";
import { ZSignalCandidatePayload, ZSignalDescriptionPayload } from "@/lib/shared/realtime-events";
import { withoutAck } from "./handle-event";
import { CALL_CHANNEL } from "./room-connections";
import type { HandlerContext } from "./types";

/**
 * Relays WebRTC signaling to the other member's connection in the call, and to no one else:
 * only the room's two members can be in its namespace, and each has one connection in the call.
 */
export function registerSignalHandlers(ctx: HandlerContext): void {
  const { socket } = ctx;
  const from = socket.data.user.id;

  const toPeer = () => {
    if (!socket.data.inCall) throw new AppError("FORBIDDEN", "Join the call before signaling");
    return socket.to(CALL_CHANNEL);
  };

  socket.on(
    "signal:description",
    withoutAck(ctx, "signal:description", ZSignalDescriptionPayload, ({ description }) => {
      toPeer().emit("signal:description", { from, connectionId: socket.id, description });
    }),
  );

  socket.on(
    "signal:candidate",
    withoutAck(ctx, "signal:candidate", ZSignalCandidatePayload, ({ candidate }) => {
      toPeer().emit("signal:candidate", { from, connectionId: socket.id, candidate });
    }),
  );
}
