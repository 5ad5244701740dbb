"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { THistoryPage } from "@/lib/shared/message";
import type { TPublicUser } from "@/lib/shared/user";
import { apiFetch } from "./api-client";
import { markUnsent, mergeMessages, type TChatEntry } from "./chat-entries";
import { newClientId } from "./new-client-id";
import type { TRoomSocket } from "./room-socket";

const SEND_TIMEOUT_MS = 10_000;

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
  send(body: string): void;
  retry(clientId: string): void;
  loadOlder(): void;
  reloadHistory(): void;
}

/** A room's chat: its history, live messages, and this user's sends with pending/failed states. */
export function useChat(socket: TRoomSocket | null, me: TPublicUser, loadHistory: TLoadHistory): ChatState {
  const [entries, setEntries] = useState<TChatEntry[]>([]);
  const [historyStatus, setHistoryStatus] = useState<ChatState["historyStatus"]>("loading");
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [historyAttempt, setHistoryAttempt] = useState(0);
  const bodies = useRef(new Map<string, string>());

  useEffect(() => {
    let cancelled = false;
    setHistoryStatus("loading");
    loadHistory(null).then(
      (page) => {
        if (cancelled) return;
        setEntries((current) => mergeMessages(current, page.messages));
        setCursor(page.nextCursor);
        setHistoryStatus("ready");
      },
      () => !cancelled && setHistoryStatus("error"),
    );
    return () => {
      cancelled = true;
    };
  }, [loadHistory, historyAttempt]);

  useEffect(() => {
    if (!socket) return;
    const onMessage = (message: Parameters<typeof mergeMessages>[1][number]) =>
      setEntries((current) => mergeMessages(current, [message]));
    // After a reconnect, fetch what was said while this browser was away.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) loadHistory(null).then((page) => onPage(page.messages), () => {});
      connectedBefore = true;
    };
    const onPage = (messages: THistoryPage["messages"]) => setEntries((current) => mergeMessages(current, messages));
    socket.on("chat:message", onMessage);
    socket.on("connect", onConnect);
    return () => {
      socket.off("chat:message", onMessage);
      socket.off("connect", onConnect);
    };
  }, [socket, loadHistory]);

  const transmit = useCallback(
    (clientId: string) => {
      const body = bodies.current.get(clientId);
      if (body === undefined) return;
      if (!socket) {
        setEntries((current) => markUnsent(current, clientId, "failed", "Not sent: not connected to the room"));
        return;
      }
      socket.timeout(SEND_TIMEOUT_MS).emit("chat:send", { clientId, body }, (timeoutError, ack) => {
        if (timeoutError) {
          setEntries((current) => markUnsent(current, clientId, "failed", "Not sent: no answer from the server"));
        } else if (!ack.ok) {
          setEntries((current) => markUnsent(current, clientId, "failed", `Not sent: ${ack.error.message}`));
        } else {
          bodies.current.delete(clientId);
          setEntries((current) => mergeMessages(current, [ack.data]));
        }
      });
    },
    [socket],
  );

  const send = useCallback(
    (body: string) => {
      const clientId = newClientId();
      bodies.current.set(clientId, body);
      setEntries((current) => [...current, { status: "pending", clientId, body, author: me }]);
      transmit(clientId);
    },
    [me, transmit],
  );

  const retry = useCallback(
    (clientId: string) => {
      setEntries((current) => markUnsent(current, clientId, "pending"));
      transmit(clientId);
    },
    [transmit],
  );

  const loadOlder = useCallback(() => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    loadHistory(cursor)
      .then((page) => {
        setEntries((current) => mergeMessages(current, page.messages));
        setCursor(page.nextCursor);
      })
      .catch(() => setHistoryStatus("error"))
      .finally(() => setLoadingOlder(false));
  }, [cursor, loadingOlder, loadHistory]);

  const reloadHistory = useCallback(() => setHistoryAttempt((n) => n + 1), []);

  return { entries, historyStatus, hasOlder: cursor !== null, loadingOlder, send, retry, loadOlder, reloadHistory };
}
