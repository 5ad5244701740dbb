import Link from "next/link";
import type { ReactNode } from "react";
import { roomHistoryPath, roomPath } from "@/lib/shared/paths";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { LocalTime } from "./LocalTime";

interface RoomListProps {
  rooms: TRoomSummary[];
  me: TPublicUser;
  hrefFor: "room" | "history";
  /** What an empty list says instead: that it is empty, and what to do next. */
  empty: ReactNode;
}

export function RoomList({ rooms, me, hrefFor, empty }: RoomListProps) {
  if (rooms.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:text-slate-400 dark:border-slate-700">
        {empty}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {rooms.map((room) => {
        const other = room.members.find((member) => member.id !== me.id);
        return (
          <li key={room.id}>
            <Link
              href={hrefFor === "room" ? roomPath(room.id) : roomHistoryPath(room.id)}
              className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800"
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{room.name}</span>
                <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                  {other ? `with ${other.name}` : "Waiting for a guest"}
                </span>
              </span>
              <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
                <LocalTime iso={room.lastActivityAt} />
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
