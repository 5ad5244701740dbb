import { ROOM_ID_PATTERN } from "@/lib/shared/paths";
import { roomUnavailable } from "../rooms/room-unavailable";

/** The `[id]` of a room route. A malformed one names no room: the same NOT_FOUND as an absent room. */
export async function roomIdParam(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!ROOM_ID_PATTERN.test(id)) throw roomUnavailable();
  return id;
}
