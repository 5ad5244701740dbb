import type { TTimelinePage } from "@/lib/shared/timeline";
import { apiFetch } from "../api-client";

/** Where to read a room's timeline from. */
export type TTimelineTarget =
  | { kind: "newest" }
  | { kind: "message"; messageId: string }
  | { kind: "date"; at: string }
  | { kind: "before"; cursor: string }
  | { kind: "after"; cursor: string };

const PARAM = { message: "around", date: "at", before: "before", after: "after" } as const;

export function fetchTimeline(roomId: string, target: TTimelineTarget): Promise<TTimelinePage> {
  const path = `/api/rooms/${encodeURIComponent(roomId)}/timeline`;
  if (target.kind === "newest") return apiFetch(path);
  const value = target.kind === "message" ? target.messageId : target.kind === "date" ? target.at : target.cursor;
  return apiFetch(`${path}?${PARAM[target.kind]}=${encodeURIComponent(value)}`);
}
