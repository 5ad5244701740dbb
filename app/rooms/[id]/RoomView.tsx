"use client";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { TPresence } from "@/lib/shared/realtime-events";
import { connectivityCheckPath, roomHistoryPath, type TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { useCallSession } from "@/lib/client/call/use-call-session";
import { historyLoader, useChat } from "@/lib/client/use-chat";
import { useLocalMedia } from "@/lib/client/use-local-media";
import { useRoomSocket } from "@/lib/client/use-room-socket";
import { CallStage } from "../../_components/call/CallStage";
import { ChatPanel } from "../../_components/chat/ChatPanel";
import { CopyLinkButton } from "../../_components/CopyLinkButton";
import { ConnectionBanner } from "../../_components/ConnectionBanner";

export function RoomView({ room, me }: { room: TRoomSummary; me: TPublicUser }) {
  const { socket, status: socketStatus, refusal } = useRoomSocket(room.id);
  const local = useLocalMedia();
  const call = useCallSession(socket, room.id, local.stream, local.media);
  const loadHistory = useMemo(() => historyLoader(room.id), [room.id]);
  const chat = useChat(socket, me, loadHistory, room.id);
  const presence = usePresence(socket);
  const otherPresence = presence?.members.find((member) => member.user.id !== me.id) ?? null;
  // The guest may arrive after this page loaded; presence names them then.
  const otherName = room.members.find((member) => member.id !== me.id)?.name ?? otherPresence?.user.name ?? null;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="w-full truncate text-xl font-semibold sm:w-auto sm:min-w-0 sm:flex-1">{room.name}</h1>
        <CopyLinkButton roomId={room.id} />
        <Link href={roomHistoryPath(room.id)} className="text-sm text-brand-600 hover:underline">
          Full history
        </Link>
      </header>
      <ConnectionBanner status={socketStatus} refusal={refusal} />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <CallStage
          call={call}
          checkHref={connectivityCheckPath(room.id)}
          local={local}
          otherName={otherName}
          otherStatus={otherPresence ? (otherPresence.inCall ? "in-call" : "here") : "away"}
          disabled={socketStatus !== "connected"}
        />
        <ChatPanel chat={chat} me={me} />
      </div>
    </div>
  );
}

function usePresence(socket: ReturnType<typeof useRoomSocket>["socket"]): TPresence | null {
  const [presence, setPresence] = useState<TPresence | null>(null);
  useEffect(() => {
    if (!socket) return;
    socket.on("presence:update", setPresence);
    return () => {
      socket.off("presence:update", setPresence);
    };
  }, [socket]);
  return presence;
}
