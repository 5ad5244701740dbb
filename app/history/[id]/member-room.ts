import { notFound } from "next/navigation";
import { cache } from "react";
import { roomHistoryPath } from "@/lib/shared/paths";
import { db } from "@/lib/server/db";
import { requirePageUser } from "../../_lib/session-user";
import { getMemberRoom } from "@/lib/server/rooms/get-member-room";

/** One read of the room per request and person, shared by the title, the layout and the page. */
export const readMemberRoom = cache((roomId: string, userId: string) => getMemberRoom(db, { roomId, userId }));

/**
 * The reader and the room whose history they open. Reading history never claims a seat: only
 * members may read; signed-out visitors go to sign-in, anyone else gets the not-found page.
 */
export const openRoomHistory = cache(async (roomId: string) => {
  const user = await requirePageUser(roomHistoryPath(roomId));
  const room = await readMemberRoom(roomId, user.id);
  if (!room) notFound();
  return { user, room };
});
