import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/shared/errors";
import { roomPath } from "@/lib/shared/paths";
import { db } from "@/lib/server/db";
import { requirePageUser } from "@/lib/server/next/auth";
import { readRoomLink } from "@/lib/server/rooms/read-room-link";
import { JoinRoom } from "./JoinRoom";
import { RoomView } from "./RoomView";

export const metadata: Metadata = { title: "Room" };

export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(roomPath(id));
  // Opening the link only reads: the guest seat is taken by the invitation's Join button, so a
  // link preview, a prefetch or a click from the wrong account leaves it free.
  const link = await readRoomLink(db, { roomId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (link.kind === "invitation") return <JoinRoom invitation={link.invitation} me={user} />;
  return <RoomView room={link.room} me={user} />;
}
