"use client";
import { useSyncExternalStore } from "react";

const formatter = () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A timestamp in the reader's own time zone; the server renders UTC until the browser takes over. */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const text = useSyncExternalStore(
    subscribeToNothing,
    () => formatter().format(new Date(iso)),
    () => `${iso.slice(0, 16).replace("T", " ")} UTC`,
  );
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}

function subscribeToNothing(): () => void {
  return () => {};
}
