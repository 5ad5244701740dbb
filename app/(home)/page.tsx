import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/server/db";
import { getSessionUser } from "../_lib/session-user";
import { listMyRooms } from "@/lib/server/rooms/list-my-rooms";
import { CreateRoomForm } from "../_components/CreateRoomForm";
import { MyRoomList } from "../_components/rooms/MyRoomList";
import { ROOM_LIST_HEADING_ID } from "../_components/rooms/room-list-heading";
import { buttonClass, cardClass, secondaryButtonClass } from "../_components/ui";

export async function generateMetadata(): Promise<Metadata> {
  // Signed out, this is Duet's front page; signed in, it is the list of one's rooms.
  return (await getSessionUser()) ? { title: "Your rooms" } : { title: { absolute: "Duet — video calls for two" } };
}

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <section className="mx-auto mt-12 max-w-xl text-center">
        <h1 className="text-3xl font-semibold tracking-tight">Face to face, in your browser.</h1>
        <p className="mt-3 text-slate-600 dark:text-slate-400">
          Create a room, send its link, and talk 1:1 with video, audio and a chat that keeps its history.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/signup" className={buttonClass}>
            Create an account
          </Link>
          <Link href="/signin" className={secondaryButtonClass}>
            Sign in
          </Link>
        </div>
      </section>
    );
  }
  const rooms = await listMyRooms(db, { userId: user.id });
  return (
    <div className="grid gap-6 md:grid-cols-[20rem_1fr]">
      <section aria-labelledby="new-room" className={cardClass}>
        <h1 id="new-room" className="mb-3 text-lg font-semibold">
          New room
        </h1>
        <CreateRoomForm />
      </section>
      <section aria-labelledby={ROOM_LIST_HEADING_ID}>
        <h2 id={ROOM_LIST_HEADING_ID} tabIndex={-1} className="mb-3 text-lg font-semibold">
          Your rooms
        </h2>
        <MyRoomList rooms={rooms} emptyText="No rooms yet. Create one and send its link to the person you want to talk to." />
      </section>
    </div>
  );
}
