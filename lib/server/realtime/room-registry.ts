import { AppError } from "@/lib/shared/errors";
import type { TCallPeer, TMediaState, TPresence } from "@/lib/shared/realtime-events";
import { ROOM_CAPACITY } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";

interface Attendee {
  user: TPublicUser;
  socketId: string;
  inCall: boolean;
  media: TMediaState;
}

/**
 * Who has each room open on this node, and who is in its call. It owns the room
 * lifecycle: one connection per user (a newer one replaces the older), at most
 * ROOM_CAPACITY people, and a room's entry disappears with its last attendee.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Map<string, Attendee>>();

  /** Adds a connection; returns the socket id it replaces, if the user was already here. */
  connect(roomId: string, user: TPublicUser, socketId: string): { replacedSocketId: string | null } {
    const room = this.rooms.get(roomId) ?? new Map<string, Attendee>();
    const previous = room.get(user.id);
    if (!previous && room.size >= ROOM_CAPACITY) throw new AppError("ROOM_FULL", "This room is for two people");
    room.set(user.id, { user, socketId, inCall: false, media: { audio: true, video: true } });
    this.rooms.set(roomId, room);
    return { replacedSocketId: previous?.socketId ?? null };
  }

  /** Removes a connection if it is still the user's current one; says whether they were in the call. */
  disconnect(roomId: string, userId: string, socketId: string): { wasInCall: boolean } {
    const room = this.rooms.get(roomId);
    const attendee = room?.get(userId);
    if (!room || !attendee || attendee.socketId !== socketId) return { wasInCall: false };
    room.delete(userId);
    if (room.size === 0) this.rooms.delete(roomId);
    return { wasInCall: attendee.inCall };
  }

  /** Puts the user in the call; returns the member already in it, who makes the first offer. */
  joinCall(roomId: string, userId: string, media: TMediaState): { peer: TCallPeer | null } {
    const attendee = this.require(roomId, userId);
    attendee.inCall = true;
    attendee.media = media;
    return { peer: this.peerInCall(roomId, userId) };
  }

  leaveCall(roomId: string, userId: string): { wasInCall: boolean } {
    const attendee = this.rooms.get(roomId)?.get(userId);
    if (!attendee?.inCall) return { wasInCall: false };
    attendee.inCall = false;
    return { wasInCall: true };
  }

  setMedia(roomId: string, userId: string, media: TMediaState): void {
    this.require(roomId, userId).media = media;
  }

  isInCall(roomId: string, userId: string): boolean {
    return this.rooms.get(roomId)?.get(userId)?.inCall ?? false;
  }

  /** The other member, when both are in the call: the only one signaling may reach. */
  peerInCall(roomId: string, userId: string): TCallPeer | null {
    for (const attendee of this.rooms.get(roomId)?.values() ?? []) {
      if (attendee.user.id !== userId && attendee.inCall) return { user: attendee.user, media: attendee.media };
    }
    return null;
  }

  presence(roomId: string): TPresence {
    const members = [...(this.rooms.get(roomId)?.values() ?? [])].map(({ user, inCall }) => ({ user, inCall }));
    return { members };
  }

  /** Rooms with anyone in them on this node. */
  get size(): number {
    return this.rooms.size;
  }

  private require(roomId: string, userId: string): Attendee {
    const attendee = this.rooms.get(roomId)?.get(userId);
    if (!attendee) throw new AppError("NOT_FOUND", "You are not in this room");
    return attendee;
  }
}
