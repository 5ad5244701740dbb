import { ROOM_NAMESPACE_PATTERN } from "@/lib/shared/room";
import { ROOM_UNAVAILABLE } from "../rooms/enter-room";
import { getMembership } from "../rooms/get-membership";
import { roomExists } from "../rooms/room-exists";
import { registerCallHandlers } from "./call.handlers";
import { registerChatHandlers } from "./chat.handlers";
import { enterRoom, exitRoom } from "./room-session";
import { registerSignalHandlers } from "./signal.handlers";
import type { AuthenticatedRequest, HandlerContext, RealtimeDeps, RealtimeServer, RoomNamespace, RoomSocket } from "./types";

/**
 * One namespace per room, `/rooms/<roomId>`. The matcher admits only rooms that exist, so
 * clients cannot mint namespaces; the middleware admits only the room's members. Both
 * refusals carry the same message, so a non-member cannot tell a full room from a wrong link.
 */
export function attachRoomNamespaces(io: RealtimeServer, deps: RealtimeDeps): void {
  const { db, logger } = deps;

  const rooms = io.of((name, _auth, next) => {
    const roomId = ROOM_NAMESPACE_PATTERN.exec(name)?.[1];
    if (!roomId) return next(null, false);
    roomExists(db, roomId).then(
      (exists) => next(null, exists),
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error)), false),
    );
  });

  rooms.use((socket, next) => {
    const user = (socket.request as AuthenticatedRequest).duetUser;
    const roomId = ROOM_NAMESPACE_PATTERN.exec(socket.nsp.name)?.[1];
    if (!user || !roomId) return next(new Error("Sign in to join a room"));
    getMembership(db, { roomId, userId: user.id }).then(
      (role) => {
        if (!role) return next(new Error(ROOM_UNAVAILABLE));
        socket.data = { user, roomId, callSessionId: null, media: { audio: true, video: true } };
        next();
      },
      (error: unknown) => {
        logger.error({ err: error, roomId }, "membership check failed");
        next(new Error("Could not check your membership; try again"));
      },
    );
  });

  rooms.on("connection", (socket: RoomSocket) => onConnection({ ...deps, socket, namespace: socket.nsp as RoomNamespace }));
}

function onConnection(ctx: HandlerContext): void {
  enterRoom(ctx);
  registerChatHandlers(ctx);
  registerCallHandlers(ctx);
  registerSignalHandlers(ctx);
  ctx.socket.on("disconnect", () => void exitRoom(ctx));
}
