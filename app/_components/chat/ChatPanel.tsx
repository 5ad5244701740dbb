"use client";
import { memo, useCallback, useEffect, useRef } from "react";
import type { TPublicUser } from "@/lib/shared/user";
import type { ChatState } from "@/lib/client/use-chat";
import { entryKey } from "@/lib/client/chat-entries";
import { ChatComposer } from "./ChatComposer";
import { ChatMessageItem } from "./ChatMessageItem";
import { LoadOlderButton } from "./LoadOlderButton";

/** Memo: the room re-renders for every step of a call, and a long conversation need not follow. */
export const ChatPanel = memo(function ChatPanel({ chat, me }: { chat: ChatState; me: TPublicUser }) {
  const list = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  // Retry and Discard remove their own buttons: focus goes to the message box, not the page's start.
  const { retry: retryMessage, discard: discardMessage } = chat;
  const retry = useCallback(
    (clientId: string) => {
      retryMessage(clientId);
      composer.current?.focus();
    },
    [retryMessage],
  );
  const discard = useCallback(
    (clientId: string) => {
      discardMessage(clientId);
      composer.current?.focus();
    },
    [discardMessage],
  );
  const lastKey = chat.entries.length > 0 ? entryKey(chat.entries[chat.entries.length - 1]!) : null;

  // Follow the conversation as it grows at the bottom (not when older pages arrive at the top).
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lastKey]);

  return (
    <section
      aria-labelledby="chat-heading"
      className="flex h-[28rem] flex-col rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 lg:h-auto lg:max-h-[calc(100dvh-10rem)]"
    >
      <h2 id="chat-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
        Chat
      </h2>
      {/* The log is the scrolling region (focusable, so the keyboard can scroll it); the list inside keeps its list semantics, which a role on the <ol> would drop. */}
      <div ref={list} role="log" aria-live="polite" aria-label="Messages" tabIndex={0} className="flex-1 overflow-y-auto px-4 py-3">
        <ol className="space-y-3">
          {chat.hasOlder && (
            <li className="text-center">
              <LoadOlderButton chat={chat} />
            </li>
          )}
          {chat.historyStatus === "loading" && chat.entries.length === 0 && (
            <li role="status" className="text-center text-sm text-slate-500 dark:text-slate-400">
              Loading messages…
            </li>
          )}
          {chat.historyStatus === "error" && (
            <li role="alert" className="text-center text-sm text-red-700 dark:text-red-300">
              Couldn&apos;t load the chat history.{" "}
              <button type="button" onClick={chat.reloadHistory} className="underline">
                Retry
              </button>
            </li>
          )}
          {chat.historyStatus === "ready" && chat.entries.length === 0 && (
            <li className="text-center text-sm text-slate-500 dark:text-slate-400">No messages yet. Say hello!</li>
          )}
          {chat.entries.map((entry) => (
            <ChatMessageItem key={entryKey(entry)} entry={entry} mine={entry.author.id === me.id} onRetry={retry} onDiscard={discard} />
          ))}
        </ol>
      </div>
      {chat.unsentAtRisk && (
        <p role="status" className="border-t border-slate-200 px-4 py-2 text-xs text-amber-800 dark:border-slate-800 dark:text-amber-200">
          This browser won&apos;t store unsent messages: keep this tab open until they are sent.
        </p>
      )}
      <ChatComposer onSend={chat.send} inputRef={composer} />
    </section>
  );
});
