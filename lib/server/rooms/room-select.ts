import type { TMemberRole, TRoomSummary } from "@/lib/shared/room";

/** The fields every room read needs to build a TRoomSummary. */
export const ROOM_SUMMARY_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  lastActivityAt: true,
  memberships: {
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { joinedAt: "asc" },
  },
} as const;

interface RoomRow {
  id: string;
  name: string;
  createdAt: Date;
  lastActivityAt: Date;
  memberships: Array<{ role: string; user: { id: string; name: string } }>;
}

export function toRoomSummary(row: RoomRow): TRoomSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    members: row.memberships.map(({ role, user }) => ({ id: user.id, name: user.name, role: role as TMemberRole })),
  };
}
