import type { ReactNode } from "react";
import { openRoomHistory } from "./member-room";

/** Sign-in (307) and not-found (404) are decided here, before the loading boundary below starts the response. */
export default async function RoomHistoryLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await openRoomHistory((await params).id);
  return children;
}
