import { AppError } from "@/lib/shared/errors";
import type { TLogger } from "../logger";
import { presenceOf, type TConnection } from "./room-roster";
import type { RoomNamespace } from "./types";

// A node that is closing the room as we ask may never answer; don't wait the adapter's 5 s.
const FETCH_TIMEOUT_MS = 1500;

/** Every connection of the room, on every node (through the adapter). */
export async function roomConnections(namespace: RoomNamespace, channel?: string): Promise<TConnection[]> {
  const fetch = () => (channel ? namespace.in(channel) : namespace).timeout(FETCH_TIMEOUT_MS).fetchSockets();
  let sockets;
  try {
    sockets = await fetch();
  } catch {
    // Redis still counted a node that had just closed the room: ask once more.
    try {
      sockets = await fetch();
    } catch {
      throw new AppError("UNAVAILABLE", "Another Duet server did not answer; try again");
    }
  }
  return sockets.map(({ id, data }) => ({ id, data }));
}

/** Tells everyone in the room who is present. Best effort: a failure is logged, never thrown. */
export async function broadcastPresence(namespace: RoomNamespace, logger: TLogger): Promise<void> {
  try {
    namespace.emit("presence:update", presenceOf(await roomConnections(namespace)));
  } catch (error) {
    logger.warn({ err: error, namespace: namespace.name }, "presence broadcast failed");
  }
}
