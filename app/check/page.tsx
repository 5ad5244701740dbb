import type { Metadata } from "next";
import { connectivityCheckPath, ROOM_ID_PATTERN } from "@/lib/shared/paths";
import { env } from "@/lib/server/env";
import { requirePageUser } from "../_lib/session-user";
import { CheckView } from "./CheckView";

export const metadata: Metadata = { title: "Connection check" };

/**
 * "Will my calls work from this network?" — signed-in only. The STUN servers are public and
 * come with the page; the relay is tested only from a room (`?room=`), because Duet hands TURN
 * credentials only to a room's members.
 */
export default async function CheckPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { room } = await searchParams;
  // Only a well-formed room id becomes a link back; anything else is ignored.
  const roomId = typeof room === "string" && ROOM_ID_PATTERN.test(room) ? room : null;
  await requirePageUser(connectivityCheckPath(roomId));
  return <CheckView roomId={roomId} stunUrls={env.STUN_URLS} />;
}
