"use client";
import { useSyncExternalStore } from "react";

/**
 * False in the server's HTML and until React has attached its handlers in the browser. A button
 * whose work is all in its click handler stays disabled until then, so a click that comes before
 * (a quick person, a test) is not silently lost.
 */
export function useHydrated(): boolean {
  // The server's snapshot is what hydration renders; React then re-renders with the browser's.
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

function subscribeToNothing(): () => void {
  return () => {};
}
