"use client";
import Link from "next/link";
import { startTransition, useEffect, useMemo, useState } from "react";
import type { TPresence } from "@/lib/shared/realtime-events";
import { connectivityCheckPath, roomHistoryPath } from "@/lib/shared/paths";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { useRoomTitle } from "@/lib/client/attention/use-room-title";
import { usePeerPresenceNotice } from "@/lib/client/attention/use-peer-presence-notice";
import { useSoundsPreference } from "@/lib/client/attention/use-sounds-preference";
import { useUnreadBadge } from "@/lib/client/attention/use-unread-badge";
import { useCallSession } from "@/lib/client/call/use-call-session";
import { useOutgoingStream } from "@/lib/client/media/use-outgoing-stream";
import { useScreenShare } from "@/lib/client/media/use-screen-share";
import { useSpeaker } from "@/lib/client/media/use-speaker";
import { useReadMarker } from "@/lib/client/rooms/use-read-marker";
import { historyLoader, useChat } from "@/lib/client/use-chat";
import { useLocalMedia } from "@/lib/client/use-local-media";
import type { TRoomConnection } from "@/lib/client/use-room-socket";
import { CallStage } from "../../_components/call/CallStage";
import { ChatPanel } from "../../_components/chat/ChatPanel";
import { CopyLinkButton } from "../../_components/CopyLinkButton";
import { ConnectionBanner } from "../../_components/ConnectionBanner";

interface OpenRoomProps {
  room: TRoomSummary;
  me: TPublicUser;
  connection: TRoomConnection;
  /** The latest change the other member made (came, left, renamed), in words. */
  notice: string | null;
}

export function OpenRoom({ room, me, connection, notice }: OpenRoomProps) {
  const { socket, status: socketStatus, refusal } = connection;
  const local = useLocalMedia();
  const screen = useScreenShare();
  const speaker = useSpeaker(local.devices);
  const outgoing = useOutgoingStream(local.stream, screen.track);
  // While sharing, the other side must show the picture even with the camera off; without a
  // camera at all, it shows the camera as off rather than an empty picture.
  const sharing = screen.track !== null;
  const hasCamera = (local.stream?.getVideoTracks().length ?? 0) > 0;
  const sentMedia = useMemo(
    () => ({ audio: local.media.audio, video: (local.media.video && hasCamera) || sharing }),
    [local.media.audio, local.media.video, hasCamera, sharing],
  );
  const callSession = useCallSession(socket, room.id, outgoing, sentMedia);
  const loadHistory = useMemo(() => historyLoader(room.id), [room.id]);
  const chat = useChat(socket, me, loadHistory, room.id);
  const presence = usePresence(socket);
  useReadMarker(room.id, socket);
  const otherPresence = presence?.members.find((member) => member.user.id !== me.id) ?? null;
  // The guest may arrive after this page loaded; the room's update (or presence) names them then.
  const otherName = room.members.find((member) => member.id !== me.id)?.name ?? otherPresence?.user.name ?? null;
  const [sounds, setSounds] = useSoundsPreference();
  const presenceNotice = usePeerPresenceNotice(
    presence ? (otherPresence ? { name: otherPresence.user.name, inCall: otherPresence.inCall } : null) : undefined,
    sounds,
  );
  const incomingIds = useMemo(
    () => chat.entries.flatMap((entry) => (entry.status === "sent" && entry.author.id !== me.id ? [entry.id] : [])),
    [chat.entries, me.id],
  );
  useUnreadBadge(incomingIds);
  useRoomTitle(room.name);

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="w-full truncate text-xl font-semibold sm:w-auto sm:min-w-0 sm:flex-1">{room.name}</h1>
        <CopyLinkButton roomId={room.id} />
        <Link href={roomHistoryPath(room.id)} className="text-sm text-brand-600 dark:text-brand-400 hover:underline">
          Full history
        </Link>
      </header>
      <ConnectionBanner status={socketStatus} refusal={refusal} />
      {notice && (
        <p role="status" className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-100">
          {notice}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <CallStage
          callSession={callSession}
          checkHref={connectivityCheckPath(room.id)}
          local={local}
          otherName={otherName}
          otherStatus={otherPresence ? (otherPresence.inCall ? "in-call" : "here") : "away"}
          disabled={socketStatus !== "connected"}
          outgoing={outgoing}
          screen={screen}
          speaker={speaker}
          presenceNotice={presenceNotice}
          sounds={sounds}
          onSoundsChange={setSounds}
        />
        <ChatPanel chat={chat} me={me} />
      </div>
    </div>
  );
}

function usePresence(socket: TRoomConnection["socket"]): TPresence | null {
  const [presence, setPresence] = useState<TPresence | null>(null);
  useEffect(() => {
    if (!socket) return;
    // Not urgent: presence arrives as a call starts, and its render must not hold up the
    // signaling tasks queued behind it.
    const onPresence = (next: TPresence) => startTransition(() => setPresence(next));
    socket.on("presence:update", onPresence);
    return () => {
      socket.off("presence:update", onPresence);
    };
  }, [socket]);
  return presence;
}
