import { NextResponse } from "next/server";
import { ZRemoveGuestInput } from "@/lib/shared/room";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { roomIdParam } from "@/lib/server/next/room-id-param";
import { readJson, requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { publishRoomEvent } from "@/lib/server/rooms/room-events";
import { removeGuest } from "@/lib/server/rooms/remove-guest";

/**
 * The owner removes the guest `{ guestId }`: the seat frees, the guest's open pages close and
 * tell them, and the link no longer lets them back in.
 */
export const DELETE = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  const { guestId } = parseInput(ZRemoveGuestInput, await readJson(request));
  await getRateLimits().consume("roomChange", user.id);
  const room = await removeGuest(db, { roomId, userId: user.id, guestId });
  publishRoomEvent({ roomId, closed: { userIds: [guestId], reason: "removed" }, updated: { change: "guest-removed", room } });
  return NextResponse.json({ room });
});
