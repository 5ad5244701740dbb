import type {
  TCallDepartureReason,
  TCallPairing,
  TCallSessionId,
  TIceCandidate,
  TMediaState,
  TSessionDescription,
} from "@/lib/shared/realtime-events";
import type { TRoomSocket } from "../room-socket";

/** What a call session reacts to: the room's signaling, and the browser's own network and page events. */
export interface CallEventHandlers {
  onSignalingUp(): void;
  onSignalingDown(): void;
  onPeerJoined(pairing: TCallPairing): void;
  onPeerLeft(callSessionId: TCallSessionId, reason: TCallDepartureReason): void;
  onDescription(callSessionId: TCallSessionId, description: TSessionDescription): void;
  onCandidate(callSessionId: TCallSessionId, candidate: TIceCandidate): void;
  onPeerMedia(userId: string, media: TMediaState): void;
  /** This person opened the room somewhere else; that connection has the call now. */
  onReplaced(): void;
  /** This browser's sign-in ended (signed out elsewhere, password changed, account deleted). */
  onSessionEnded(): void;
  /** Wi-Fi to cable, a VPN coming up: the old ICE path may be gone. */
  onNetworkChange(): void;
  /** The page is going away for good (not into the back/forward cache). */
  onPageGone(): void;
}

/** Subscribes the handlers; returns the unsubscribe. */
export function listenToCallEvents(socket: TRoomSocket, handlers: CallEventHandlers): () => void {
  const onConnect = () => handlers.onSignalingUp();
  const onDisconnect = () => handlers.onSignalingDown();
  const onPeerJoined = (pairing: TCallPairing) => handlers.onPeerJoined(pairing);
  const onPeerLeft = ({ callSessionId, reason }: { callSessionId: TCallSessionId; reason: TCallDepartureReason }) =>
    handlers.onPeerLeft(callSessionId, reason);
  const onDescription = ({ callSessionId, description }: { callSessionId: TCallSessionId; description: TSessionDescription }) =>
    handlers.onDescription(callSessionId, description);
  const onCandidate = ({ callSessionId, candidate }: { callSessionId: TCallSessionId; candidate: TIceCandidate }) =>
    handlers.onCandidate(callSessionId, candidate);
  const onMediaState = ({ userId, audio, video }: { userId: string } & TMediaState) => handlers.onPeerMedia(userId, { audio, video });
  const onReplaced = () => handlers.onReplaced();
  const onSessionEnded = () => handlers.onSessionEnded();
  const onNetworkChange = () => handlers.onNetworkChange();
  const onPageHide = (event: PageTransitionEvent) => !event.persisted && handlers.onPageGone();
  const connection = (navigator as Navigator & { connection?: EventTarget }).connection;

  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  socket.on("call:peer-joined", onPeerJoined);
  socket.on("call:peer-left", onPeerLeft);
  socket.on("signal:description", onDescription);
  socket.on("signal:candidate", onCandidate);
  socket.on("media:state", onMediaState);
  socket.on("session:replaced", onReplaced);
  socket.on("session:ended", onSessionEnded);
  window.addEventListener("online", onNetworkChange);
  window.addEventListener("pagehide", onPageHide);
  connection?.addEventListener("change", onNetworkChange);
  return () => {
    socket.off("connect", onConnect);
    socket.off("disconnect", onDisconnect);
    socket.off("call:peer-joined", onPeerJoined);
    socket.off("call:peer-left", onPeerLeft);
    socket.off("signal:description", onDescription);
    socket.off("signal:candidate", onCandidate);
    socket.off("media:state", onMediaState);
    socket.off("session:replaced", onReplaced);
    socket.off("session:ended", onSessionEnded);
    window.removeEventListener("online", onNetworkChange);
    window.removeEventListener("pagehide", onPageHide);
    connection?.removeEventListener("change", onNetworkChange);
  };
}
