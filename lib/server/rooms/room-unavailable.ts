import { AppError } from "@/lib/shared/errors";

/** Unknown, full and not-yours rooms answer alike, so a link's existence can't be probed. */
export const ROOM_UNAVAILABLE = "This room is for two people: it already has both, or the link is wrong.";

export function roomUnavailable(): AppError {
  return new AppError("NOT_FOUND", ROOM_UNAVAILABLE);
}
