"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TCallPairing, TCallPeer, TMediaState, TSessionDescription, TIceCandidate } from "@/lib/shared/realtime-events";
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
}

/** The 1:1 call of a room: joining, the peer connection's life, and the other member's media state. */
export function useCall({ socket, localStream, media }: UseCallOptions): CallState {
  const [status, setStatus] = useState<TCallStatus>("idle");
  const [peer, setPeer] = useState<TCallPeer | null>(null);
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const connection = useRef<{ peerConnectionId: string; pc: PeerConnection } | null>(null);
  const iceConfig = useRef<TIceConfig | null>(null);
  const joined = useRef(false);
  const latest = useRef({ localStream, media });
  latest.current = { localStream, media };

  const closeConnection = useCallback(() => {
    connection.current?.pc.close();
    connection.current = null;
    setRemoteStream(null);
  }, []);

  const refreshIce = useCallback(async (restart: boolean) => {
    try {
      iceConfig.current = await fetchIceConfig();
      connection.current?.pc.updateIceServers(iceConfig.current, restart);
    } catch (reason) {
      setError((reason as Error).message);
    }
  }, []);

  /** Pairs with the other member; a pairing already under way with the same connection is kept. */
  const pair = useCallback(
    ({ peer: next, initiator }: TCallPairing) => {
      if (!socket || !iceConfig.current || !joined.current) return;
      setPeer(next);
      setNotice(null);
      if (connection.current?.peerConnectionId === next.connectionId) return;
      closeConnection();
      setStatus("connecting");
      setError(null);
      let retriedCredentials = false;
      const pc = new PeerConnection({
        iceConfig: iceConfig.current,
        localStream: latest.current.localStream,
        initiator,
        polite: !initiator,
        sendDescription: (description) => socket.emit("signal:description", { description }),
        sendCandidate: (candidate) => socket.emit("signal:candidate", { candidate }),
        onRemoteStream: (stream) => setRemoteStream(stream),
        onStateChange: (state) => {
          if (state === "connected") setStatus("connected");
          else if (state === "failed") void refreshIce(true);
          else if (state === "disconnected" || state === "connecting") setStatus("connecting");
        },
        onIceError: (message) => {
          setError(message);
          // A refused TURN credential (401) leaves the connection at "new" rather than
          // "failed": fetch fresh credentials and restart ICE, once per pairing.
          if (/\b401\b/.test(message) && !retriedCredentials) {
            retriedCredentials = true;
            void refreshIce(true);
          }
        },
      });
      connection.current = { peerConnectionId: next.connectionId, pc };
    },
    [socket, closeConnection, refreshIce],
  );

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
    // Joined from now on: when both join at once on different nodes, the other member's
    // pairing may arrive before this join's reply.
    joined.current = true;
    socket.emit("call:join", latest.current.media, (ack) => {
      if (!ack.ok) {
        joined.current = false;
        setStatus("idle");
        setError(ack.error.message);
        return;
      }
      if (ack.data.pairing) pair(ack.data.pairing);
      // The other member may have paired with us already (both joined at once).
      else if (!connection.current) setStatus("waiting");
    });
  }, [socket, pair]);

  const leave = useCallback(() => {
    joined.current = false;
    closeConnection();
    setPeer(null);
    setStatus("idle");
    socket?.emit("call:leave", () => {});
  }, [socket, closeConnection]);

  useEffect(() => {
    if (!socket) return;
    const current = (connectionId: string) => (connection.current?.peerConnectionId === connectionId ? connection.current.pc : null);
    const onPeerLeft = ({ connectionId }: { connectionId: string }) => {
      // A departure of some older connection of the peer's is not this call's.
      if (connection.current && !current(connectionId)) return;
      closeConnection();
      setPeer((gone) => {
        if (gone) setNotice(`${gone.user.name} left the call`);
        return null;
      });
      if (joined.current) setStatus("waiting");
    };
    const onDescription = ({ connectionId, description }: { connectionId: string; description: TSessionDescription }) =>
      void current(connectionId)?.handleDescription(description).catch((reason: Error) => setError(reason.message));
    const onCandidate = ({ connectionId, candidate }: { connectionId: string; candidate: TIceCandidate }) =>
      void current(connectionId)?.handleCandidate(candidate);
    const onMediaState = ({ userId, audio, video }: { userId: string } & TMediaState) =>
      setPeer((known) => (known?.user.id === userId ? { ...known, media: { audio, video } } : known));
    // The server forgets the call when this connection drops; after a reconnect, join again.
    const onReconnect = () => {
      if (!joined.current) return;
      joined.current = false;
      closeConnection();
      void join();
    };
    socket.on("call:peer-joined", pair);
    socket.on("call:peer-left", onPeerLeft);
    socket.on("signal:description", onDescription);
    socket.on("signal:candidate", onCandidate);
    socket.on("media:state", onMediaState);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("call:peer-joined", pair);
      socket.off("call:peer-left", onPeerLeft);
      socket.off("signal:description", onDescription);
      socket.off("signal:candidate", onCandidate);
      socket.off("media:state", onMediaState);
      socket.io.off("reconnect", onReconnect);
    };
  }, [socket, pair, closeConnection, join]);

  // Tell the other side about mute and camera-off while in the call.
  useEffect(() => {
    if (joined.current && socket) socket.emit("media:update", media);
  }, [socket, media]);

  // Refresh TURN credentials before they expire.
  const inCall = status !== "idle" && status !== "joining";
  useEffect(() => {
    if (!inCall || !iceConfig.current) return;
    const timer = setInterval(() => void refreshIce(false), iceConfig.current.ttlSeconds * 800);
    return () => clearInterval(timer);
  }, [inCall, refreshIce]);

  // Surface a call that never finds a media path.
  useEffect(() => {
    if (status !== "connecting") return;
    const timer = setTimeout(() => setStatus("stalled"), STALL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => closeConnection, [closeConnection]);

  return { status, peer, remoteStream, error, notice, join: () => void join(), leave };
}
