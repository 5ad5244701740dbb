import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { roomIdParam } from "@/lib/server/next/room-id-param";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { markRoomRead } from "@/lib/server/rooms/mark-room-read";

/**
 * A member has the room (or its history) on screen now: the other member's messages so far are
 * no longer unread. Sent by the page itself when visible, never by rendering it, so a prefetch
 * marks nothing read.
 */
export const PUT = route(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  await getRateLimits().consume("roomRead", user.id);
  const readAt = await markRoomRead(db, { roomId, userId: user.id });
  return NextResponse.json({ readAt: readAt.toISOString() });
});
