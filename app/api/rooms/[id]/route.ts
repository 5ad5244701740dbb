import { NextResponse } from "next/server";
import { ZRenameRoomInput } from "@/lib/shared/room";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { roomIdParam } from "@/lib/server/next/room-id-param";
import { readJson, requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { publishRoomEvent } from "@/lib/server/rooms/room-events";
import { renameRoom } from "@/lib/server/rooms/rename-room";

type TParams = { params: Promise<{ id: string }> };

/** Rename the room (its owner only); both members' open pages show the new name. */
export const PATCH = route(async (request: Request, { params }: TParams) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  const { name } = parseInput(ZRenameRoomInput, await readJson(request));
  await getRateLimits().consume("roomChange", user.id);
  const room = await renameRoom(db, { roomId, userId: user.id, name });
  publishRoomEvent({ roomId, updated: { change: "renamed", room } });
  return NextResponse.json({ room });
});

/** Delete the room with its messages and call records (its owner only); both members' open pages are closed and told. */
export const DELETE = route(async (_request: Request, { params }: TParams) => {
  const user = await requireApiUser();
  const roomId = await roomIdParam(params);
  await getRateLimits().consume("roomChange", user.id);
  await deleteRoom(db, { roomId, userId: user.id });
  publishRoomEvent({ roomId, closed: { userIds: "everyone", reason: "deleted" } });
  return NextResponse.json({ deleted: true });
});
