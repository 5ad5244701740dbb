import type { Metadata } from "next";
import Link from "next/link";
import { roomPath } from "@/lib/shared/paths";
import { getSessionUser } from "../../_lib/session-user";
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
  const other = room.members.find((member) => member.id !== user.id);
  return (
    <section aria-labelledby="room-history-heading" className="mx-auto max-w-2xl">
      <div className="mb-4 flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <h1 id="room-history-heading" className="truncate text-xl font-semibold">
            {room.name}
          </h1>
          <p className="truncate text-sm text-slate-500 dark:text-slate-400">{other ? `History with ${other.name}` : "History"}</p>
        </div>
        <Link href={roomPath(room.id)} className="shrink-0 text-sm text-brand-600 hover:underline dark:text-brand-400">
          Open room
        </Link>
      </div>
      <HistoryView roomId={room.id} me={user} />
      <ReadMarker roomId={room.id} />
    </section>
  );
}
