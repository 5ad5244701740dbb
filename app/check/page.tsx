import type { Metadata } from "next";
import { ROOM_ID_PATTERN } from "@/lib/shared/room";
import { requirePageUser } from "@/lib/server/next/auth";
import { CheckView } from "./CheckView";

export const metadata: Metadata = { title: "Connection check" };

/** "Will my calls work from this network?" — signed-in only: it asks Duet for TURN credentials. */
export default async function CheckPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { room } = await searchParams;
  // Only a well-formed room id becomes a link back; anything else is ignored.
  const roomId = typeof room === "string" && ROOM_ID_PATTERN.test(room) ? room : null;
  await requirePageUser(roomId ? `/check?room=${roomId}` : "/check");
  return <CheckView roomId={roomId} />;
}
