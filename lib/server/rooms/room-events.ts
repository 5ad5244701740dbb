import type { TRoomChange, TRoomClosedReason } from "@/lib/shared/realtime-events";
import type { TRoomSummary } from "@/lib/shared/room";

/** What a change to a room means for the connections open in it, on every node. */
export interface TRoomEvent {
  roomId: string;
  /** These members' connections close, each told why; "everyone": the room is gone. */
  closed?: { userIds: string[] | "everyone"; reason: TRoomClosedReason };
  /** Every connection that stays is shown the room as it now is. */
  updated?: { change: TRoomChange; room: TRoomSummary };
}

type TPublish = (event: TRoomEvent) => void;

/**
 * Who carries a room's changes to its open connections. server.ts installs the realtime
 * server's; route handlers call it (one module instance per process: next.config.js), as they
 * do for ended sign-in sessions. Without a realtime server (a test, a script) nobody is connected.
 */
const slot: { publish: TPublish } = { publish: () => {} };

export function installRoomEventPublisher(publish: TPublish): void {
  slot.publish = publish;
}

/** Call after the change is committed: a connection opened since then re-checks membership itself. */
export function publishRoomEvent(event: TRoomEvent): void {
  slot.publish(event);
}
