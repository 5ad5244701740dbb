"use client";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { useRoomUpdates } from "@/lib/client/rooms/use-room-updates";
import { useRoomSocket } from "@/lib/client/use-room-socket";
import { OpenRoom } from "./OpenRoom";
import { RoomClosed } from "./RoomClosed";
import { RoomElsewhere } from "./RoomElsewhere";

/**
 * A member's room page: the room while this person may be in it, and what happened once they
 * may not (removed, left from elsewhere, the room deleted), or once another tab took it over.
 * Either unmounts the open room, which ends the call and releases the camera.
 */
export function RoomView({ room: initial, me }: { room: TRoomSummary; me: TPublicUser }) {
  const connection = useRoomSocket(initial.id);
  const { room, notice } = useRoomUpdates(connection.socket, initial, me);
  if (connection.closed) return <RoomClosed reason={connection.closed} room={room} me={me} />;
  if (connection.status === "replaced") return <RoomElsewhere roomName={room.name} />;
  return <OpenRoom room={room} me={me} connection={connection} notice={notice} />;
}
