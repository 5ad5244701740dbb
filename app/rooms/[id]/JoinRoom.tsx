"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "@/lib/client/sign-out";
import { useState } from "react";
import { isAppError } from "@/lib/shared/errors";
import { roomApiPath, roomPath } from "@/lib/shared/paths";
import type { TRoomInvitation } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { apiFetch } from "@/lib/client/api-client";
import { useHydrated } from "@/lib/client/use-hydrated";
import { FormError } from "../../_components/FormError";
import { buttonClass, cardClass } from "../../_components/ui";
import { Spinner } from "../../_components/Spinner";

/**
 * A room's link, opened by someone signed in who is not in it, while its guest seat is free.
 * Only the button takes the seat: a link preview, a prefetch or the wrong account opening the
 * link takes nothing, and says whose account would join.
 */
export function JoinRoom({ invitation, me }: { invitation: TRoomInvitation; me: TPublicUser }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setJoining(true);
    setError(null);
    try {
      await apiFetch(roomApiPath(invitation.roomId, "membership"), { method: "PUT" });
      // The page, rendered again, is the room itself now.
      router.refresh();
    } catch (reason) {
      setJoining(false);
      setError(isAppError(reason) ? reason.message : "Could not join the room. Try again.");
    }
  }

  const switchAccount = () => void signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(roomPath(invitation.roomId))}` });

  return (
    <section aria-labelledby="join-room" className={`mx-auto mt-10 max-w-md space-y-4 text-center ${cardClass}`}>
      <p className="text-sm text-slate-500 dark:text-slate-400">{invitation.ownerName} invited you to</p>
      <h1 id="join-room" className="text-xl font-semibold break-words">
        {invitation.roomName}
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A video call and chat for two. Joining takes the room&apos;s second seat, and {invitation.ownerName} sees your name.
      </p>
      <FormError message={error} />
      <button type="button" onClick={() => void join()} disabled={!hydrated || joining} className={`${buttonClass} w-full`}>
        {joining && <Spinner />}
        {joining ? "Joining…" : `Join this room as ${me.name}`}
      </button>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Not {me.name}?{" "}
        <button type="button" onClick={switchAccount} disabled={!hydrated} className="text-brand-600 dark:text-brand-400 hover:underline">
          Sign in as someone else
        </button>{" "}
        ·{" "}
        <Link href="/" className="text-brand-600 dark:text-brand-400 hover:underline">
          Not now
        </Link>
      </p>
    </section>
  );
}
