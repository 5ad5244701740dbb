"use client";
import { buttonClass, cardClass } from "../../_components/ui";

/**
 * This person opened the room in another tab or window, which took over its call and chat. This
 * tab lets go of everything (camera, microphone, a shared screen, the composer) rather than sit
 * on them unusable, and offers to take the room back.
 */
export function RoomElsewhere({ roomName }: { roomName: string }) {
  return (
    <section role="alert" aria-labelledby="room-elsewhere" className={`mx-auto mt-10 max-w-md text-center ${cardClass}`}>
      <h1 id="room-elsewhere" className="text-xl font-semibold">
        {roomName} is open in another tab
      </h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        You opened this room in another tab or window, so its call and chat moved there. This tab let go of your camera and microphone.
      </p>
      <button type="button" onClick={() => window.location.reload()} className={`${buttonClass} mt-5`}>
        Use it here
      </button>
    </section>
  );
}
