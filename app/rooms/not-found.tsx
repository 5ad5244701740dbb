import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, cardClass } from "../_components/ui";

export const metadata: Metadata = { title: "Room unavailable" };

/**
 * A full room and a wrong link look the same, so a link can't be probed for existence. Here,
 * not in [id]/, because the room's layout decides it (a segment's not-found page catches what
 * its children throw, not what its own layout throws).
 */
export default function RoomUnavailable() {
  return (
    <section className={`mx-auto mt-10 max-w-md text-center ${cardClass}`}>
      <h1 className="text-xl font-semibold">This room is for two people</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It already has both of its people, or the link is wrong. Ask whoever sent it for a new room.
      </p>
      <Link href="/" className={`${buttonClass} mt-5`}>
        Go to your rooms
      </Link>
    </section>
  );
}
