import type { Metadata } from "next";
import { getSessionUser } from "../../_lib/session-user";
import { JoinRoom } from "./JoinRoom";
import { RoomView } from "./RoomView";
import { openRoomLink, readLink } from "./room-link";

interface RoomPageProps {
  params: Promise<{ id: string }>;
}

/**
 * The tab names the room only for its members. Anyone else's tab says what the page is, the
 * same for a full room and a wrong link, so a title can't tell them apart either.
 */
export async function generateMetadata({ params }: RoomPageProps): Promise<Metadata> {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return { title: "Room" };
  const link = await readLink(id, user.id).catch(() => null);
  if (!link) return { title: "Room unavailable" };
  return { title: link.kind === "member" ? link.room.name : "Invitation to a room" };
}

export default async function RoomPage({ params }: RoomPageProps) {
  const { user, link } = await openRoomLink((await params).id);
  if (link.kind === "invitation") return <JoinRoom invitation={link.invitation} me={user} />;
  return <RoomView room={link.room} me={user} />;
}
