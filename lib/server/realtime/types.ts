import type { Namespace, Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime-events";
import type { CallKeeper } from "../calls/call-keeper";
import type { TDbClient } from "../db/create-db-client";
import type { TLogger } from "../logger";
import type { TRoomEvent } from "../rooms/room-events";
import type { TRateLimits } from "../rate-limits/create-rate-limits";
import type { TAttendee } from "./room-roster";

/** `authSessionId` stays on the server: a member's attendee record is shown to the other member. */
export type SocketData = TAttendee & { authSessionId: string };

/** Between nodes: sign-in sessions that ended and rooms that changed, so every node closes or updates its sockets. */
export interface ServerSideEvents {
  "auth:sessions-ended": (sessionIds: string[]) => void;
  "rooms:changed": (event: TRoomEvent) => void;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;
export type RoomNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;
export type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;

export interface RealtimeDeps {
  db: TDbClient;
  logger: TLogger;
  authSecret: string;
  /** The public origin pages are served from; handshakes from any other Origin are refused. */
  siteUrl: string;
  /**
   * "site-url" (default): only siteUrl's origin, and requests without Origin must address its
   * host. "same-host": the operator did not set SITE_URL, so a handshake from the page's own
   * origin (Origin host = Host) is accepted whatever name reached the server.
   */
  originPolicy?: "site-url" | "same-host";
  /** Behind a proxy we run: its X-Forwarded-Host and X-Forwarded-For name the host addressed and the client. */
  trustProxy?: boolean;
  /** Handshakes per address, chat per user, signaling per connection. */
  rateLimits: TRateLimits;
}

/** What a connection's handlers use; built once per connection, so kept to these fields. */
export interface HandlerContext extends Pick<RealtimeDeps, "db" | "logger" | "rateLimits"> {
  socket: RoomSocket;
  namespace: RoomNamespace;
  /** This node's call records: what the room session tells it becomes the room's history. */
  calls: CallKeeper;
}
