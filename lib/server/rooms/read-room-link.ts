import type { TRoomInvitation, TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { findRoomSeat } from "./room-seat";
import { roomUnavailable } from "./room-unavailable";

export type TRoomLink = { kind: "member"; room: TRoomSummary } | { kind: "invitation"; invitation: TRoomInvitation };

/**
 * What opening a room's link shows a signed-in person. Reading it never changes the room: a
 * link preview, a prefetch or a click from the wrong account takes no seat. A member gets the
 * room; while the guest seat is free, anyone else gets an invitation naming the room and its
 * owner (the link is the capability to ask to join); a full, absent or barred room is NOT_FOUND.
 */
export async function readRoomLink(db: TDbClient, options: { roomId: string; userId: string }): Promise<TRoomLink> {
  const found = await findRoomSeat(db, options);
  if (!found) throw roomUnavailable();
  if (found.seat === "member") return { kind: "member", room: found.room };
  const owner = found.room.members.find((member) => member.role === "owner");
  return { kind: "invitation", invitation: { roomId: found.room.id, roomName: found.room.name, ownerName: owner?.name ?? "" } };
}
