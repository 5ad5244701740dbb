import { AppError } from "@/lib/shared/errors";
import { ZSignalCandidatePayload, ZSignalDescriptionPayload } from "@/lib/shared/realtime-events";
import { withoutAck } from "./handle-event";
import { userChannel } from "./user-channel";
import type { HandlerContext } from "./types";

/** Relays WebRTC signaling to the other member of the call, and to no one else. */
export function registerSignalHandlers(ctx: HandlerContext): void {
  const { socket, namespace, registry } = ctx;
  const { roomId, user } = socket.data;

  const peerChannel = () => {
    if (!registry.isInCall(roomId, user.id)) throw new AppError("FORBIDDEN", "Join the call before signaling");
    const peer = registry.peerInCall(roomId, user.id);
    if (!peer) throw new AppError("NOT_FOUND", "Nobody else is in the call");
    return namespace.to(userChannel(peer.user.id));
  };

  socket.on(
    "signal:description",
    withoutAck(ctx, "signal:description", ZSignalDescriptionPayload, ({ description }) => {
      peerChannel().emit("signal:description", { from: user.id, description });
    }),
  );

  socket.on(
    "signal:candidate",
    withoutAck(ctx, "signal:candidate", ZSignalCandidatePayload, ({ candidate }) => {
      peerChannel().emit("signal:candidate", { from: user.id, candidate });
    }),
  );
}
