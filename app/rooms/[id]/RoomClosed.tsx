import Link from "next/link";
import type { TRoomClosedReason } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { buttonClass, cardClass } from "../../_components/ui";

/** Why the room closed for this person, in their words. */
export function describeClosure(reason: TRoomClosedReason, room: TRoomSummary, me: TPublicUser): { title: string; detail: string } {
  const owner = room.members.find((member) => member.role === "owner");
  const byMe = owner?.id === me.id;
  const ownerName = owner?.name || "The room's owner";
  switch (reason) {
    case "removed":
      return { title: `${ownerName} removed you from this room`, detail: "You can no longer open it or read its history." };
    case "deleted":
      return byMe
        ? { title: "This room was deleted", detail: "You deleted it, with its messages and call records." }
        : { title: "This room was deleted", detail: `${ownerName} deleted it, with its messages and call records.` };
    case "left":
      return { title: "You left this room", detail: "You left it from another tab or window, so its call, chat and history are no longer yours." };
  }
}

export function RoomClosed({ reason, room, me }: { reason: TRoomClosedReason; room: TRoomSummary; me: TPublicUser }) {
  const { title, detail } = describeClosure(reason, room, me);
  return (
    <section role="alert" aria-labelledby="room-closed" className={`mx-auto mt-10 max-w-md text-center ${cardClass}`}>
      <h1 id="room-closed" className="text-xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{detail}</p>
      <Link href="/" className={`${buttonClass} mt-5`}>
        Go to your rooms
      </Link>
    </section>
  );
}
