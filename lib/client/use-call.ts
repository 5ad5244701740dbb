"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TCallPeer, TMediaState } from "@/lib/shared/realtime-events";
import type { TIceConfig } from "@/lib/shared/turn";
import { fetchIceConfig } from "./fetch-ice-config";
import { PeerConnection } from "./peer-connection";
import type { TRoomSocket } from "./room-socket";

/** idle: not joined · waiting: joined, alone · connecting · connected · stalled: no media path yet. */
export type TCallStatus = "idle" | "joining" | "waiting" | "connecting" | "connected" | "stalled";

// A wrong TURN credential leaves the connection in "new" forever instead of "failed".
const STALL_AFTER_MS = 20_000;

export interface CallState {
  status: TCallStatus;
  peer: TCallPeer | null;
  remoteStream: MediaStream | null;
  error: string | null;
  notice: string | null;
  join(): void;
  leave(): void;
}

export interface UseCallOptions {
  socket: TRoomSocket | null;
  localStream: MediaStream | null;
  media: TMediaState;
  iceTransportPolicy?: RTCIceTransportPolicy;
}

/** The 1:1 call of a room: join, the peer connection's life, and the other member's media state. */
export function useCall({ socket, localStream, media, iceTransportPolicy }: UseCallOptions): CallState {
  const [status, setStatus] = useState<TCallStatus>("idle");
  const [peer, setPeer] = useState<TCallPeer | null>(null);
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const connection = useRef<PeerConnection | null>(null);
  const iceConfig = useRef<TIceConfig | null>(null);
  const joined = useRef(false);
  const latest = useRef({ localStream, media, iceTransportPolicy });
  latest.current = { localStream, media, iceTransportPolicy };

  const closeConnection = useCallback(() => {
    connection.current?.close();
    connection.current = null;
    setRemoteStream(null);
  }, []);

  const openConnection = useCallback(
    (initiator: boolean) => {
      if (!socket || !iceConfig.current) return;
      closeConnection();
      setStatus("connecting");
      setError(null);
      connection.current = new PeerConnection({
        iceConfig: iceConfig.current,
        localStream: latest.current.localStream,
        initiator,
        polite: !initiator,
        iceTransportPolicy: latest.current.iceTransportPolicy,
        sendDescription: (description) => socket.emit("signal:description", { description }),
        sendCandidate: (candidate) => socket.emit("signal:candidate", { candidate }),
        onRemoteStream: (stream) => setRemoteStream(stream),
        onStateChange: (state) => {
          if (state === "connected") setStatus("connected");
          else if (state === "failed") void refreshIce(true);
          else if (state === "disconnected" || state === "connecting") setStatus("connecting");
        },
        onIceError: (message) => setError(message),
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refreshIce is stable (refs only)
    [socket, closeConnection],
  );

  const refreshIce = useCallback(async (restart: boolean) => {
    try {
      iceConfig.current = await fetchIceConfig();
      connection.current?.updateIceServers(iceConfig.current, restart);
    } catch (reason) {
      setError((reason as Error).message);
    }
  }, []);

  const join = useCallback(async () => {
    if (!socket || joined.current) return;
    setStatus("joining");
    setError(null);
    setNotice(null);
    try {
      iceConfig.current = await fetchIceConfig();
    } catch (reason) {
      setStatus("idle");
      setError((reason as Error).message);
      return;
    }
    socket.emit("call:join", latest.current.media, (ack) => {
      if (!ack.ok) {
        setStatus("idle");
        setError(ack.error.message);
        return;
      }
      joined.current = true;
      setPeer(ack.data.peer);
      // The member already in the call sends the first offer; we answer it.
      if (ack.data.peer) openConnection(false);
      else setStatus("waiting");
    });
  }, [socket, openConnection]);

  const leave = useCallback(() => {
    joined.current = false;
    closeConnection();
    setPeer(null);
    setStatus("idle");
    socket?.emit("call:leave", () => {});
  }, [socket, closeConnection]);

  useEffect(() => {
    if (!socket) return;
    const onPeerJoined = (next: TCallPeer) => {
      if (!joined.current) return;
      setPeer(next);
      setNotice(null);
      openConnection(true);
    };
    const onPeerLeft = () => {
      closeConnection();
      setPeer((current) => {
        if (current) setNotice(`${current.user.name} left the call`);
        return null;
      });
      if (joined.current) setStatus("waiting");
    };
    const onDescription = ({ description }: { description: Parameters<PeerConnection["handleDescription"]>[0] }) =>
      void connection.current?.handleDescription(description).catch((reason: Error) => setError(reason.message));
    const onCandidate = ({ candidate }: { candidate: Parameters<PeerConnection["handleCandidate"]>[0] }) =>
      void connection.current?.handleCandidate(candidate);
    const onMediaState = ({ userId, audio, video }: { userId: string } & TMediaState) =>
      setPeer((current) => (current?.user.id === userId ? { ...current, media: { audio, video } } : current));
    // The server forgets the call when this socket drops; after a reconnect, join again.
    const onReconnect = () => {
      if (!joined.current) return;
      joined.current = false;
      closeConnection();
      void join();
    };
    socket.on("call:peer-joined", onPeerJoined);
    socket.on("call:peer-left", onPeerLeft);
    socket.on("signal:description", onDescription);
    socket.on("signal:candidate", onCandidate);
    socket.on("media:state", onMediaState);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("call:peer-joined", onPeerJoined);
      socket.off("call:peer-left", onPeerLeft);
      socket.off("signal:description", onDescription);
      socket.off("signal:candidate", onCandidate);
      socket.off("media:state", onMediaState);
      socket.io.off("reconnect", onReconnect);
    };
  }, [socket, openConnection, closeConnection, join]);

  // Tell the other side about mute and camera-off while in the call.
  useEffect(() => {
    if (joined.current && socket) socket.emit("media:update", media);
  }, [socket, media]);

  // Refresh TURN credentials before they expire.
  useEffect(() => {
    if (status === "idle" || !iceConfig.current) return;
    const timer = setInterval(() => void refreshIce(false), iceConfig.current.ttlSeconds * 800);
    return () => clearInterval(timer);
  }, [status === "idle", refreshIce]); // eslint-disable-line react-hooks/exhaustive-deps

  // Surface a call that never finds a media path.
  useEffect(() => {
    if (status !== "connecting") return;
    const timer = setTimeout(() => setStatus("stalled"), STALL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => closeConnection, [closeConnection]);

  return { status, peer, remoteStream, error, notice, join: () => void join(), leave };
}
