import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { roomHistoryPath, roomPath } from "@/lib/shared/paths";
import { db } from "@/lib/server/db";
import { requirePageUser } from "@/lib/server/next/auth";
import { getMemberRoom } from "@/lib/server/rooms/get-member-room";
import { ReadMarker } from "../../_components/rooms/ReadMarker";
import { HistoryView } from "./HistoryView";

export const metadata: Metadata = { title: "Room history" };

export default async function RoomHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(roomHistoryPath(id));
  // Reading history never claims a seat: only members may read, and others get a 404.
  const room = await getMemberRoom(db, { roomId: id, userId: user.id });
  if (!room) notFound();
  return (
    <section aria-labelledby="room-history-heading" className="mx-auto max-w-2xl">
      <div className="mb-4 flex items-center gap-3">
        <h1 id="room-history-heading" className="min-w-0 flex-1 truncate text-xl font-semibold">
          {room.name}
        </h1>
        <Link href={roomPath(room.id)} className="text-sm text-brand-600 hover:underline">
          Open room
        </Link>
      </div>
      <HistoryView roomId={room.id} me={user} />
      <ReadMarker roomId={room.id} />
    </section>
  );
}
