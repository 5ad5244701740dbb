import type { TSocketStatus } from "@/lib/client/use-room-socket";

const MESSAGES: Partial<Record<TSocketStatus, string>> = {
  connecting: "Connecting to the room…",
  reconnecting: "Connection to Duet lost. Reconnecting… Your call continues, and messages you type are sent when it's back.",
  refused: "You can't join this room's call and chat. Sign in again or check the link.",
};

/**
 * What the room's connection to Duet is doing, when it is not simply connected; `refusal` says
 * why Duet refused it. A connection another tab replaced shows no banner: the room gives way to
 * RoomElsewhere.
 */
export function ConnectionBanner({ status, refusal = null }: { status: TSocketStatus; refusal?: string | null }) {
  const message = (status === "refused" && refusal) || MESSAGES[status];
  if (!message) return null;
  const serious = status === "refused";
  return (
    <p
      role={serious ? "alert" : "status"}
      className={`rounded-lg px-3 py-2 text-sm ${serious ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"}`}
    >
      {message}
    </p>
  );
}
