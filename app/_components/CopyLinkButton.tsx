"use client";
import { useState, useSyncExternalStore } from "react";
import { roomPath } from "@/lib/shared/paths";
import { secondaryButtonClass } from "./ui";

/** Shows the room's link and copies it; where the clipboard is unavailable, the link is selectable. */
export function CopyLinkButton({ roomId }: { roomId: string }) {
  // The server does not know the address the browser reached Duet by; the browser fills it in.
  const link = useSyncExternalStore(
    subscribeToNothing,
    () => `${window.location.origin}${roomPath(roomId)}`,
    () => roomPath(roomId),
  );
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2500);
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <input
        aria-label="Room link"
        readOnly
        value={link}
        onFocus={(event) => event.currentTarget.select()}
        className="w-56 min-w-0 truncate rounded-lg border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-900 sm:w-80"
      />
      <button type="button" onClick={() => void copy()} className={secondaryButtonClass}>
        {copied === "copied" ? "Copied!" : copied === "failed" ? "Select and copy" : "Copy link"}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied === "copied" ? "Link copied" : ""}
      </span>
    </div>
  );
}

function subscribeToNothing(): () => void {
  return () => {};
}
