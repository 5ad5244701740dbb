import { NextResponse } from "next/server";
import { ZDeleteAccountInput } from "@/lib/shared/account";
import { parseInput } from "@/lib/shared/validation";
import { deleteAccount } from "@/lib/server/account/delete-account";
import { db } from "@/lib/server/db";
import { requireAccountSession } from "@/lib/server/next/auth";
import { readJson, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { publishRoomEvent } from "@/lib/server/rooms/room-events";

/** Delete my account (see deleteAccount for what happens to rooms and messages). */
export const DELETE = route(async (request: Request) => {
  const { user } = await requireAccountSession(request);
  const input = parseInput(ZDeleteAccountInput, await readJson(request));
  await getRateLimits().consume("account", user.id);
  const { deletedRoomIds, leftRooms } = await deleteAccount(db, { userId: user.id, ...input });
  // The rooms went with the account: their guests' open pages close and say why.
  for (const roomId of deletedRoomIds) publishRoomEvent({ roomId, closed: { userIds: "everyone", reason: "deleted" } });
  // Its guest seats are free again: their owners' open pages show the guest gone, as on leaving.
  for (const room of leftRooms) publishRoomEvent({ roomId: room.id, updated: { change: "guest-left", room } });
  return NextResponse.json({ deleted: true });
});
