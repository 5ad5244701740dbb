import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/shared/errors";
import { roomPath } from "@/lib/shared/room";
import { db } from "@/lib/server/db";
import { requirePageUser } from "@/lib/server/next/auth";
import { enterRoom } from "@/lib/server/rooms/enter-room";
import { RoomView } from "./RoomView";

export const metadata: Metadata = { title: "Room" };

export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(roomPath(id));
  // Opening the link is what makes the first other person the room's guest.
  const room = await enterRoom(db, { roomId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <RoomView room={room} me={user} />;
}
