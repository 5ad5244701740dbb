import type { ReactNode } from "react";
import { openRoomLink } from "./room-link";

/**
 * Decides, before anything is sent, whether the link opens at all: sign-in (307) and
 * "unavailable" (404) keep their status codes, which a redirect or notFound() inside the
 * loading boundary (loading.tsx, below this layout) could no longer set.
 */
export default async function RoomLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await openRoomLink((await params).id);
  return children;
}
