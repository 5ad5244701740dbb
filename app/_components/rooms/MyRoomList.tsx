import Link from "next/link";
import { roomPath } from "@/lib/shared/paths";
import type { TMyRoom } from "@/lib/shared/room";
import { LocalTime } from "../LocalTime";
import { RoomActions } from "./RoomActions";

/** More than this reads as "999+": past it the number stops helping. */
const UNREAD_SHOWN_MAX = 999;

function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The home page's list of the rooms I am in: who with, how active, what I have not read, and what I may do with each. */
export function MyRoomList({ rooms, emptyText }: { rooms: TMyRoom[]; emptyText: string }) {
  if (rooms.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:text-slate-400 dark:border-slate-700">
        {emptyText}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {rooms.map((room) => (
        <MyRoomItem key={room.id} room={room} />
      ))}
    </ul>
  );
}

function MyRoomItem({ room }: { room: TMyRoom }) {
  const owner = room.members.find((member) => member.role === "owner") ?? null;
  const guest = room.members.find((member) => member.role === "guest") ?? null;
  const other = room.myRole === "owner" ? guest : owner;
  const whose = room.myRole === "owner" ? "Your room" : `${owner?.name || "Someone"}'s room`;
  return (
    <li data-testid="my-room" className="space-y-2 px-4 py-3">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <Link href={roomPath(room.id)} className="block truncate font-medium hover:underline">
            {room.name}
          </Link>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">
            {other ? `with ${other.name}` : "Waiting for a guest"} · {whose}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {room.messageCount === 0 ? "No messages yet" : countText(room.messageCount, "message", "messages")} · last activity{" "}
            <LocalTime iso={room.lastActivityAt} />
          </p>
        </div>
        {room.unreadCount > 0 && (
          <span data-testid="unread-count" className="shrink-0 rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
            {room.unreadCount > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : room.unreadCount} unread
          </span>
        )}
      </div>
      <RoomActions room={{ id: room.id, name: room.name }} myRole={room.myRole} guest={guest && { id: guest.id, name: guest.name }} />
    </li>
  );
}
