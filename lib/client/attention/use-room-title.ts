"use client";
import { useEffect } from "react";
import { pageTitle } from "@/lib/shared/page-title";
import { retitled } from "./title-with-unread";

/**
 * The tab names the room as it is now: renamed while the page is open (by its owner, anywhere),
 * the new name shows at once, not on the next load, and an unread count in front stays.
 */
export function useRoomTitle(roomName: string): void {
  useEffect(() => {
    document.title = retitled(document.title, pageTitle(roomName));
  }, [roomName]);
}
