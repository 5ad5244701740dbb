import type { TCallQuality } from "@/lib/shared/call";
import { AppError } from "@/lib/shared/errors";
import type { TCallDepartureReason, TCallJoined, TMediaState, TRoomClosedReason } from "@/lib/shared/realtime-events";
import type { TCallSessionId } from "@/lib/shared/realtime-events";
import { isShuttingDown } from "../lifecycle";
import { broadcastPresence, roomConnections } from "./room-connections";
import { callPeerOf, isInitiator, peerConnectionOf } from "./room-roster";
import type { HandlerContext } from "./types";
import { userChannel } from "./user-channel";

/** Socket.IO room of the connections in the call (at most one per member). */
export const CALL_CHANNEL = "call";

type TRoomSessionContext = Pick<HandlerContext, "socket" | "namespace" | "logger" | "calls">;

/*
 * The server's one owner of a member's presence in a room: entering it (replacing an older
 * tab), joining and leaving the call, media state, and who signaling may reach.
 *
 * A socket reconnecting mid-call is handled here, and nowhere else: the browser's call session
 * comes back on a new connection and joins again with the same callSessionId. The other member
 * is told "peer joined" with that id and keeps its RTCPeerConnection; a new id means a new
 * call (a reload, another tab), and the other member starts afresh.
 *
 * The room's call records follow the same events (ctx.calls): a call starts when a browser
 * reports its connection to the other is up, goes on while the same two call sessions come
 * back, and ends when either side hangs up or its connection ends for good.
 */

/** A member opened the room: the newest connection of a person wins, on whichever node the older one is. */
export function enterRoom({ socket, namespace, logger }: TRoomSessionContext): void {
  const { user, roomId } = socket.data;
  void socket.join(userChannel(user.id));
  // `except`: with a cluster adapter the local part runs only after the publish, when this
  // connection has already joined the channel.
  namespace.to(userChannel(user.id)).except(socket.id).emit("session:replaced");
  namespace.in(userChannel(user.id)).except(socket.id).disconnectSockets(true);
  void broadcastPresence(namespace, logger);
  logger.debug({ roomId, userId: user.id }, "entered room");
}

/** Joins (or, with the same callSessionId, resumes) the call; pairs with the other member if they are in it. */
export async function joinCall(ctx: TRoomSessionContext, callSessionId: TCallSessionId, media: TMediaState): Promise<TCallJoined> {
  const { socket, namespace, logger } = ctx;
  const { user } = socket.data;
  // Closed while the join was being counted: exitRoom has run, and a join now would outlive it.
  if (socket.disconnected) return { pairing: null };
  // A different id from the same connection is a new call after a hang-up: end the old one first.
  if (socket.data.callSessionId && socket.data.callSessionId !== callSessionId) leaveCall(ctx, "left");
  socket.data.callSessionId = callSessionId;
  socket.data.media = media;
  await socket.join(CALL_CHANNEL);
  const connections = await roomConnections(namespace, CALL_CHANNEL);
  // Closed meanwhile: exitRoom took this call session out of the call; pair nobody with it.
  if (socket.disconnected) return { pairing: null };
  const peerConnection = peerConnectionOf(connections, user.id);
  const peer = callPeerOf(connections, user.id);
  ctx.calls.joined(socket.data.roomId, socket.id, callSessionId, peer?.callSessionId ?? null);
  if (peerConnection && peer) {
    const self = { user, media, callSessionId };
    namespace.to(peerConnection.id).emit("call:peer-joined", { peer: self, initiator: isInitiator(peer.user.id, user.id) });
  }
  void broadcastPresence(namespace, logger);
  return { pairing: peer ? { peer, initiator: isInitiator(user.id, peer.user.id) } : null };
}

/** Takes this connection out of the call and tells the other member why. */
export function leaveCall({ socket, namespace, calls }: TRoomSessionContext, reason: TCallDepartureReason): void {
  const { callSessionId } = socket.data;
  if (!callSessionId) return;
  socket.data.callSessionId = null;
  calls.left(socket.data.roomId, socket.id, callSessionId, reason === "left" ? "hung-up" : "disconnected");
  void socket.leave(CALL_CHANNEL);
  namespace.to(CALL_CHANNEL).except(socket.id).emit("call:peer-left", { userId: socket.data.user.id, callSessionId, reason });
}

/**
 * This connection's browser reached "connected" with `peerCallSessionId`: the call has started.
 * A report naming a peer that has since left or been replaced is out of date and changes nothing.
 */
export async function reportCallConnected(ctx: TRoomSessionContext, peerCallSessionId: TCallSessionId): Promise<void> {
  const { socket, namespace, calls } = ctx;
  const { callSessionId, user, roomId } = socket.data;
  if (!callSessionId) throw new AppError("FORBIDDEN", "Join the call first");
  const peer = callPeerOf(await roomConnections(namespace, CALL_CHANNEL), user.id);
  if (peer?.callSessionId !== peerCallSessionId) return;
  calls.connected(roomId, [
    { userId: user.id, callSessionId },
    { userId: peer.user.id, callSessionId: peer.callSessionId },
  ]);
}

/** What this member's browser measured of a call it took part in (perhaps already left). */
export function reportCallQuality({ socket, calls }: TRoomSessionContext, callSessionId: TCallSessionId, quality: TCallQuality): void {
  calls.quality(socket.data.roomId, socket.data.user.id, callSessionId, quality);
}

export function updateMedia({ socket }: TRoomSessionContext, media: TMediaState): void {
  socket.data.media = media;
  socket.broadcast.emit("media:state", { userId: socket.data.user.id, ...media });
}

/** Where this connection's signaling goes: the other member's connection in the call, or null when not in the call. */
export function signalingTarget({ socket }: TRoomSessionContext) {
  const { callSessionId } = socket.data;
  return callSessionId ? { callSessionId, peers: socket.to(CALL_CHANNEL) } : null;
}

/**
 * This member may no longer be in the room (removed, left, or the room deleted): the other
 * member hears a hang-up, not a dropped connection worth waiting for, and this browser is told
 * why before the connection closes for good.
 */
export function closeRoom(ctx: TRoomSessionContext, reason: TRoomClosedReason): void {
  leaveCall(ctx, "left");
  ctx.socket.emit("room:closed", { reason });
  ctx.socket.disconnect(true);
}

/**
 * The connection closed. Its browser may still be in the call, sending media, and about to
 * come back on a new connection; the other member hears `disconnected`, not `left`, unless
 * that new connection has already resumed the same call (then it hears nothing).
 */
export async function exitRoom(ctx: TRoomSessionContext): Promise<void> {
  const { socket, namespace, logger, calls } = ctx;
  const { callSessionId, user } = socket.data;
  if (callSessionId) {
    socket.data.callSessionId = null;
    const resumed = await roomConnections(namespace, CALL_CHANNEL).then(
      (connections) => connections.some(({ data }) => data.user.id === user.id && data.callSessionId === callSessionId),
      () => false,
    );
    if (!resumed) namespace.to(CALL_CHANNEL).emit("call:peer-left", { userId: user.id, callSessionId, reason: "disconnected" });
    // A stopping node has already ended its calls as "server-shutdown" (CallKeeper.shutDown).
    calls.left(socket.data.roomId, socket.id, callSessionId, resumed || isShuttingDown() ? null : "disconnected");
  }
  await broadcastPresence(namespace, logger);
}
