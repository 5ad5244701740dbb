import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "@/lib/shared/errors";
import { roomPath } from "@/lib/shared/paths";
import { db } from "@/lib/server/db";
import { requirePageUser } from "../../_lib/session-user";
import { readRoomLink } from "@/lib/server/rooms/read-room-link";

/** One read of a room's link per request and person, shared by the title, the layout and the page. */
export const readLink = cache((roomId: string, userId: string) => readRoomLink(db, { roomId, userId }));

/**
 * Who opens the link and what it shows them; signed-out visitors go to sign-in and come back,
 * and a full, absent or barred room is the not-found page. Opening the link only reads: the
 * guest seat is taken by the invitation's Join button, so a link preview, a prefetch or a
 * click from the wrong account leaves it free.
 */
export const openRoomLink = cache(async (roomId: string) => {
  const user = await requirePageUser(roomPath(roomId));
  const link = await readLink(roomId, user.id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { user, link };
});
