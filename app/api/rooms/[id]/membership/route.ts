import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { roomIdParam } from "@/lib/server/next/room-id-param";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { joinRoom } from "@/lib/server/rooms/join-room";
import { leaveRoom } from "@/lib/server/rooms/leave-room";
import { publishRoomEvent } from "@/lib/server/rooms/room-events";

type TParams = { params: Promise<{ id: string }> };

/**
 * "Join this room": the asker takes the free guest seat (201), or is a member already (200).
 * A PUT, never a GET, so nothing that merely opens the link takes the seat; and a PUT cannot be
 * sent from another site without a CORS preflight Duet never grants (docs/security.md).
 * Counted before the room is looked up, so trying room ids costs the same allowance.
 */
export const PUT = route(async (_request: Request, { params }: TParams) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  await getRateLimits().consume("roomJoin", user.id);
  const { room, joined } = await joinRoom(db, { roomId, userId: user.id });
  if (joined) publishRoomEvent({ roomId, updated: { change: "guest-joined", room } });
  return NextResponse.json({ room }, { status: joined ? 201 : 200 });
});

/** The guest leaves the room; their other open pages close, and the owner's page is told. */
export const DELETE = route(async (_request: Request, { params }: TParams) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  await getRateLimits().consume("roomChange", user.id);
  const room = await leaveRoom(db, { roomId, userId: user.id });
  publishRoomEvent({ roomId, closed: { userIds: [user.id], reason: "left" }, updated: { change: "guest-left", room } });
  return NextResponse.json({ left: true });
});
