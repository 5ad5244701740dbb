import { DELETED_ACCOUNT_NAME } from "@/lib/shared/account";
import type { TCallEndReason, TCallQuality, TCallRecord } from "@/lib/shared/call";

export const CALL_SELECT = {
  id: true,
  roomId: true,
  startedAt: true,
  endedAt: true,
  endReason: true,
  participants: {
    select: {
      path: true,
      protocol: true,
      rttMs: true,
      packetLossPct: true,
      frameWidth: true,
      frameHeight: true,
      user: { select: { id: true, name: true, deletedAt: true } },
    },
    orderBy: { userId: "asc" },
  },
} as const;

/** The quality columns as stored: the enums are plain strings in both databases. */
interface TQualityColumns {
  path: string | null;
  protocol: string | null;
  rttMs: number | null;
  packetLossPct: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
}

interface CallRow {
  id: string;
  roomId: string;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  participants: Array<TQualityColumns & { user: { id: string; name: string; deletedAt: Date | null } }>;
}

export function toCallRecord({ id, roomId, startedAt, endedAt, endReason, participants }: CallRow): TCallRecord {
  return {
    id,
    roomId,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt?.toISOString() ?? null,
    endReason: endReason as TCallEndReason | null,
    durationMs: endedAt ? endedAt.getTime() - startedAt.getTime() : null,
    participants: participants.map(({ user, ...quality }) => ({
      user: { id: user.id, name: user.deletedAt ? DELETED_ACCOUNT_NAME : user.name },
      // A browser that never reported leaves every column null.
      quality: Object.values(quality).every((value) => value === null) ? null : (quality as TCallQuality),
    })),
  };
}
