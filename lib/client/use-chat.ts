"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TChatMessage, THistoryPage } from "@/lib/shared/message";
import type { TPublicUser } from "@/lib/shared/user";
import { apiFetch } from "./api-client";
import { mergeMessages, type TChatEntry } from "./chat-entries";
import { catchUp } from "./chat/catch-up";
import { useChatOutbox } from "./chat/use-chat-outbox";
import type { TRoomSocket } from "./room-socket";

export type TLoadHistory = (before: string | null) => Promise<THistoryPage>;

export function historyLoader(roomId: string): TLoadHistory {
  return (before) =>
    apiFetch<THistoryPage>(`/api/rooms/${encodeURIComponent(roomId)}/messages${before ? `?before=${encodeURIComponent(before)}` : ""}`);
}

export interface ChatState {
  entries: TChatEntry[];
  historyStatus: "loading" | "ready" | "error";
  hasOlder: boolean;
  loadingOlder: boolean;
  /** Unsent messages exist that the browser refused to store: closing the tab would lose them. */
  unsentAtRisk: boolean;
  send(body: string): void;
  retry(clientId: string): void;
  discard(clientId: string): void;
  loadOlder(): void;
  reloadHistory(): void;
}

/**
 * A room's chat: its history, live messages, and this user's unsent messages, which the
 * room's ChatOutbox owns (only with a socket and `roomId`; the history page has neither).
 */
export function useChat(socket: TRoomSocket | null, me: TPublicUser, loadHistory: TLoadHistory, roomId?: string): ChatState {
  const [stored, setStored] = useState<TChatEntry[]>([]);
  const [historyStatus, setHistoryStatus] = useState<ChatState["historyStatus"]>("loading");
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [historyAttempt, setHistoryAttempt] = useState(0);
  const storedRef = useRef(stored);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const addStored = useCallback((messages: TChatMessage[]) => setStored((current) => mergeMessages(current, messages)), []);
  const onStored = useCallback((message: TChatMessage) => addStored([message]), [addStored]);
  const { outbox, snapshot } = useChatOutbox(socket, roomId ?? null, me, onStored);

  useEffect(() => {
    let cancelled = false;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a retry shows its loading state again
    setHistoryStatus("loading");
    loadHistory(null).then(
      (page) => {
        if (cancelled) return;
        addStored(page.messages);
        setCursor(page.nextCursor);
        setHistoryStatus("ready");
      },
      () => !cancelled && setHistoryStatus("error"),
    );
    return () => {
      cancelled = true;
    };
  }, [loadHistory, historyAttempt, addStored]);

  useEffect(() => {
    if (!socket) return;
    const onMessage = (message: TChatMessage) => addStored([message]);
    // At each connect, the first included, read the newest history again: a message stored after
    // the page's first history was read and before this connection joined the room reached
    // neither, and after a reconnect, what was said while this browser was away. Merged by id.
    const onConnect = () => {
      const held = new Set(storedRef.current.flatMap((entry) => (entry.status === "sent" ? [entry.id] : [])));
      void catchUp(loadHistory, (id) => held.has(id), held.size > 0).then(addStored, () => {});
    };
    socket.on("chat:message", onMessage);
    socket.on("connect", onConnect);
    return () => {
      socket.off("chat:message", onMessage);
      socket.off("connect", onConnect);
    };
  }, [socket, loadHistory, addStored]);

  const loadOlder = useCallback(() => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    loadHistory(cursor)
      .then((page) => {
        addStored(page.messages);
        setCursor(page.nextCursor);
      })
      .catch(() => setHistoryStatus("error"))
      .finally(() => setLoadingOlder(false));
  }, [cursor, loadingOlder, loadHistory, addStored]);

  const reloadHistory = useCallback(() => setHistoryAttempt((n) => n + 1), []);
  // A message the server stored (seen in history or live) replaces its outbox copy at once.
  const entries = useMemo(() => mergeMessages([...stored, ...snapshot.entries], []), [stored, snapshot.entries]);
  const send = useCallback((body: string) => void outbox?.send(body), [outbox]);
  const retry = useCallback((clientId: string) => outbox?.retry(clientId), [outbox]);
  const discard = useCallback((clientId: string) => outbox?.discard(clientId), [outbox]);

  const unsentAtRisk = !snapshot.persistent && snapshot.entries.length > 0;
  const hasOlder = cursor !== null;
  // The same object until the chat changes, so the chat panel (memo) is not rendered again for
  // what happens elsewhere in the room, such as each step of a call starting.
  return useMemo(
    () => ({ entries, historyStatus, hasOlder, loadingOlder, unsentAtRisk, send, retry, discard, loadOlder, reloadHistory }),
    [entries, historyStatus, hasOlder, loadingOlder, unsentAtRisk, send, retry, discard, loadOlder, reloadHistory],
  );
}
