import type { ChatState } from "@/lib/client/use-chat";

/** Shown while older messages exist; loads the next older page. */
export function LoadOlderButton({ chat }: { chat: Pick<ChatState, "hasOlder" | "loadingOlder" | "loadOlder"> }) {
  if (!chat.hasOlder) return null;
  return (
    <button
      type="button"
      onClick={chat.loadOlder}
      disabled={chat.loadingOlder}
      className="text-sm text-brand-600 dark:text-brand-400 hover:underline disabled:opacity-60"
    >
      {chat.loadingOlder ? "Loading…" : "Load older messages"}
    </button>
  );
}
