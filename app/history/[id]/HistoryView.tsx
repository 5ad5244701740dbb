"use client";
import { useMemo } from "react";
import type { TPublicUser } from "@/lib/shared/user";
import { entryKey } from "@/lib/client/chat-entries";
import { historyLoader, useChat } from "@/lib/client/use-chat";
import { ChatMessageItem } from "../../_components/chat/ChatMessageItem";
import { LoadOlderButton } from "../../_components/chat/LoadOlderButton";

/** A room's whole chat, read-only, oldest at the top; older pages load on demand. */
export function HistoryView({ roomId, me }: { roomId: string; me: TPublicUser }) {
  const loadHistory = useMemo(() => historyLoader(roomId), [roomId]);
  const chat = useChat(null, me, loadHistory);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="mb-3 text-center">
        <LoadOlderButton chat={chat} />
      </p>
      {chat.historyStatus === "loading" && <p role="status" className="text-center text-sm text-slate-500 dark:text-slate-400">Loading messages…</p>}
      {chat.historyStatus === "error" && (
        <p role="alert" className="text-center text-sm text-red-700 dark:text-red-300">
          Couldn&apos;t load the history.{" "}
          <button type="button" onClick={chat.reloadHistory} className="underline">
            Retry
          </button>
        </p>
      )}
      {chat.historyStatus === "ready" && chat.entries.length === 0 && <p className="text-center text-sm text-slate-500 dark:text-slate-400">Nobody has written anything here yet. Open the room to say hello: its messages are kept here.</p>}
      <ol aria-label="Messages" className="space-y-3">
        {chat.entries.map((entry) => (
          <ChatMessageItem key={entryKey(entry)} entry={entry} mine={entry.author.id === me.id} onRetry={chat.retry} />
        ))}
      </ol>
    </div>
  );
}
