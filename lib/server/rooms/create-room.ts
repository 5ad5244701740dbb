import { randomBytes } from "node:crypto";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TDbClient } from "../db/create-db-client";
import { ROOM_SUMMARY_SELECT, toRoomSummary } from "./room-select";

export interface CreateRoomOptions {
  ownerId: string;
  name: string;
}

/** 128 random bits: the link is unguessable. */
export function newRoomId(): string {
  return randomBytes(16).toString("base64url");
}

export async function createRoom(db: TDbClient, { ownerId, name }: CreateRoomOptions): Promise<TRoomSummary> {
  const room = await db.room.create({
    data: { id: newRoomId(), name, ownerId, memberships: { create: { userId: ownerId, role: "owner" } } },
    select: ROOM_SUMMARY_SELECT,
  });
  return toRoomSummary(room);
}
