import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/server/db";
import { requirePageUser } from "../../_lib/session-user";
import { listRoomsForUser } from "@/lib/server/rooms/list-rooms-for-user";
import { RoomList } from "../../_components/RoomList";
import { SearchPanel } from "../_components/SearchPanel";

export const metadata: Metadata = { title: "Chat history" };

export default async function HistoryPage() {
  const user = await requirePageUser("/history");
  const rooms = await listRoomsForUser(db, { userId: user.id });
  return (
    <section aria-labelledby="history-heading" className="mx-auto max-w-2xl">
      <h1 id="history-heading" className="mb-1 text-xl font-semibold">
        Chat history
      </h1>
      <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">Every conversation in your rooms, kept as it was written.</p>
      {rooms.length > 0 && (
        <div className="mb-4 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <SearchPanel me={user} />
        </div>
      )}
      <RoomList rooms={rooms} me={user} hrefFor="history" empty={<NoHistoryYet />} />
    </section>
  );
}

function NoHistoryYet() {
  return (
    <>
      No conversations yet.{" "}
      <Link href="/" className="font-medium text-brand-600 hover:underline dark:text-brand-400">
        Create a room
      </Link>{" "}
      and send its link: what you write there is kept here.
    </>
  );
}
