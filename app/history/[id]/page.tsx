import type { Metadata } from "next";
import Link from "next/link";
import { roomPath } from "@/lib/shared/paths";
import { getSessionUser } from "@/lib/server/next/auth";
import { ReadMarker } from "../../_components/rooms/ReadMarker";
import { HistoryView } from "./HistoryView";
import { openRoomHistory, readMemberRoom } from "./member-room";

interface RoomHistoryPageProps {
  params: Promise<{ id: string }>;
}

/** The room's name only for its members; anyone else gets the not-found page, and its title. */
export async function generateMetadata({ params }: RoomHistoryPageProps): Promise<Metadata> {
  const { id } = await params;
  const user = await getSessionUser();
  const room = user ? await readMemberRoom(id, user.id) : null;
  return { title: room ? `${room.name} · history` : "Page not found" };
}

export default async function RoomHistoryPage({ params }: RoomHistoryPageProps) {
  const { user, room } = await openRoomHistory((await params).id);
  return (
    <section aria-labelledby="room-history-heading" className="mx-auto max-w-2xl">
      <div className="mb-4 flex items-center gap-3">
        <h1 id="room-history-heading" className="min-w-0 flex-1 truncate text-xl font-semibold">
          {room.name}
        </h1>
        <Link href={roomPath(room.id)} className="text-sm text-brand-600 hover:underline dark:text-brand-400">
          Open room
        </Link>
      </div>
      <HistoryView roomId={room.id} me={user} />
      <ReadMarker roomId={room.id} />
    </section>
  );
}
