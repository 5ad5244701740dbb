import { ROOM_NAMESPACE_PATTERN } from "@/lib/shared/paths";
import { ROOM_UNAVAILABLE } from "../rooms/room-unavailable";
import type { CallKeeper } from "../calls/call-keeper";
import { isAuthSessionActive } from "../auth/auth-sessions";
import { getMembership } from "../rooms/get-membership";
import { handshakeUser, SIGN_IN_TO_JOIN } from "./handshake-auth";
import { dispatchRoomEvent } from "./client-event-dispatch";
import { enterRoom, exitRoom } from "./room-session";
import type { TRoomSockets } from "./room-sockets";
import type { TSessionSockets } from "./session-sockets";
import type { RealtimeDeps, RealtimeServer, RoomNamespace, RoomSocket } from "./types";

/**
 * One namespace per room, `/rooms/<roomId>`. The matcher admits any well-formed room id
 * without asking the database, and the middleware admits only the room's members: an
 * unknown room and a room one may not enter get the same refusal, so a signed-in outsider
 * cannot learn which room ids exist. A refused socket never joins its namespace, and
 * `cleanupEmptyChildNamespaces` drops a namespace as soon as it holds no socket, so ids
 * that name no room leave nothing behind.
 */
/** The parent of every room namespace: emitting through it reaches each open room. */
export type RoomsParent = ReturnType<RealtimeServer["of"]>;

export interface TConnectionTrackers {
  sessionSockets: TSessionSockets;
  roomSockets: TRoomSockets;
}

export function attachRoomNamespaces(
  io: RealtimeServer,
  deps: RealtimeDeps,
  { sessionSockets, roomSockets }: TConnectionTrackers,
  calls: CallKeeper,
): RoomsParent {
  const { db, logger, rateLimits } = deps;

  const rooms = io.of((name, _auth, next) => next(null, ROOM_NAMESPACE_PATTERN.test(name)));

  rooms.use((socket, next) => {
    const signedIn = handshakeUser(socket.request);
    const roomId = ROOM_NAMESPACE_PATTERN.exec(socket.nsp.name)?.[1];
    if (!signedIn || !roomId) return next(new Error(SIGN_IN_TO_JOIN));
    const { user, sessionId: authSessionId } = signedIn;
    // The session again, not only at the handshake: a connection can outlive its sign-in (signed
    // out everywhere, password changed) with no room open, so nothing closed it, and then ask
    // for a room again.
    Promise.all([getMembership(db, { roomId, userId: user.id }), isAuthSessionActive(db, { sessionId: authSessionId, userId: user.id })]).then(
      ([role, sessionActive]) => {
        if (!sessionActive) return next(new Error(SIGN_IN_TO_JOIN));
        // No membership: not a member, or no such room; the two must look alike.
        if (!role) return next(new Error(ROOM_UNAVAILABLE));
        socket.data = { user, roomId, callSessionId: null, media: { audio: true, video: true }, authSessionId };
        next();
      },
      (error: unknown) => {
        logger.error({ err: error, roomId }, "membership check failed");
        next(new Error("Could not check your membership; try again"));
      },
    );
  });

  rooms.on("connection", (socket: RoomSocket) => {
    sessionSockets.track(socket);
    roomSockets.track(socket);
    // A literal of fixed shape: `{ ...deps, socket }` gave every connection a hidden class of its own (~0.7 kB each).
    const ctx = { db, logger, rateLimits, calls, socket, namespace: socket.nsp as RoomNamespace };
    enterRoom(ctx);
    // One listener for every event and one for the end: what each open connection holds.
    socket.onAny((event: unknown, ...args: unknown[]) => void dispatchRoomEvent(ctx, event, args));
    socket.on("disconnect", () => {
      sessionSockets.untrack(socket);
      roomSockets.untrack(socket);
      void exitRoom(ctx);
    });
    // The member may have been removed (or the room deleted) after the middleware's check and
    // before this connection was tracked, when closing found nothing to close: now that it is
    // tracked, a second look leaves no gap. One primary-key lookup per connection.
    const { roomId, user } = socket.data;
    getMembership(db, { roomId, userId: user.id }).then(
      (role) => void (role || socket.disconnect(true)),
      (error: unknown) => logger.warn({ err: error, roomId }, "membership re-check failed"),
    );
  });
  return rooms;
}
