import { ZChatSendPayload } from "@/lib/shared/realtime-events";
import { createMessage } from "../messages/create-message";
import { withAck, type TClientEventHandlers } from "./handle-event";

export const chatHandlers = {
  "chat:send": withAck(
    // Per user, across their tabs and nodes; the burst allowance lets a pasted paragraph through.
    { schema: ZChatSendPayload, limit: ({ rateLimits, socket }) => rateLimits.consume("chat", socket.data.user.id) },
    async ({ socket, db }, { clientId, body }) => {
      const { roomId, user } = socket.data;
      // Persist first: the ack and the broadcast both carry the stored message.
      const { message, created } = await createMessage(db, { roomId, author: user, clientId, body });
      // A retry of a stored message was already broadcast the first time.
      if (created) socket.broadcast.emit("chat:message", message);
      return message;
    },
  ),
} satisfies Partial<TClientEventHandlers>;
