"use client";
import { useEffect, useState } from "react";
import type { TRoomChange } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import type { TRoomSocket } from "../room-socket";

/** What the other member's change means to this page's reader, in words; null when there is nothing to say. */
export function describeRoomChange(change: TRoomChange, before: TRoomSummary, after: TRoomSummary, me: TPublicUser): string | null {
  const guestBefore = before.members.find((member) => member.role === "guest");
  const guestAfter = after.members.find((member) => member.role === "guest");
  const owner = after.members.find((member) => member.role === "owner");
  const iOwn = owner?.id === me.id;
  switch (change) {
    case "guest-joined":
      return iOwn && guestAfter ? `${guestAfter.name} joined this room.` : null;
    case "guest-left":
      return guestBefore ? `${guestBefore.name} left this room. Whoever opens its link next can join.` : null;
    case "guest-removed":
      return guestBefore ? `You removed ${guestBefore.name} from this room.` : null;
    case "renamed":
      return iOwn ? null : `${owner?.name ?? "The owner"} renamed this room to “${after.name}”.`;
  }
}

/** The room as it now is, kept current by `room:updated`, and the latest change in words. */
export function useRoomUpdates(socket: TRoomSocket | null, initial: TRoomSummary, me: TPublicUser): { room: TRoomSummary; notice: string | null } {
  const [state, setState] = useState<{ room: TRoomSummary; notice: string | null }>({ room: initial, notice: null });

  useEffect(() => {
    if (!socket) return;
    const onUpdated = ({ change, room }: { change: TRoomChange; room: TRoomSummary }) =>
      setState((current) => ({ room, notice: describeRoomChange(change, current.room, room, me) ?? current.notice }));
    socket.on("room:updated", onUpdated);
    return () => {
      socket.off("room:updated", onUpdated);
    };
  }, [socket, me]);

  return state;
}
