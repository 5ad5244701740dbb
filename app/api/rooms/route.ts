import { NextResponse } from "next/server";
import { ZCreateRoomInput } from "@/lib/shared/room";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { readJson, requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { createRoom } from "@/lib/server/rooms/create-room";
import { listRoomsForUser } from "@/lib/server/rooms/list-rooms-for-user";

export const GET = route(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ rooms: await listRoomsForUser(db, { userId: user.id }) });
});

export const POST = route(async (request: Request) => {
  const user = await requireApiUser();
  const { name } = parseInput(ZCreateRoomInput, await readJson(request));
  await getRateLimits().consume("roomCreate", user.id);
  const room = await createRoom(db, { ownerId: user.id, name });
  return NextResponse.json({ room }, { status: 201 });
});
