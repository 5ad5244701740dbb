import { ZChatSendPayload } from "@/lib/shared/realtime-events";
import { createMessage } from "../messages/create-message";
import { withAck } from "./handle-event";
import type { HandlerContext } from "./types";

export function registerChatHandlers(ctx: HandlerContext): void {
  const { socket, db, rateLimits } = ctx;
  const { roomId, user } = socket.data;

  socket.on(
    "chat:send",
    withAck(
      ctx,
      // Per user, across their tabs and nodes; the burst allowance lets a pasted paragraph through.
      { event: "chat:send", schema: ZChatSendPayload, limit: () => rateLimits.consume("chat", user.id) },
      async ({ clientId, body }) => {
        // Persist first: the ack and the broadcast both carry the stored message.
        const { message, created } = await createMessage(db, { roomId, authorId: user.id, clientId, body });
        // A retry of a stored message was already broadcast the first time.
        if (created) socket.broadcast.emit("chat:message", message);
        return message;
      },
    ),
  );
}
