import { ZExportQuery } from "@/lib/shared/room-export";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { exportFileName } from "@/lib/server/history/export-file-name";
import { exportRoom } from "@/lib/server/history/export-room";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { requireMemberRoom } from "@/lib/server/history/require-member-room";

const CONTENT_TYPES = { markdown: "text/markdown; charset=utf-8", json: "application/json; charset=utf-8" } as const;

/**
 * The room's whole record, for its members, as a download: `?format=markdown` (readable, in
 * `&tz=`'s time zone) or `?format=json` (ZRoomExport). Streamed as it is read from the
 * database. Counted before the membership check, so probing room ids costs the same allowance.
 */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const { id: roomId } = await params;
  const { format, tz } = parseInput(ZExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("export", user.id);
  const room = await requireMemberRoom(db, { roomId, userId: user.id });
  const exportedAt = new Date();
  return new Response(exportRoom(db, { room, format, timeZone: tz, exportedAt }), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": exportFileName(room.name, format, exportedAt),
      "Cache-Control": "private, no-store",
    },
  });
});

export const dynamic = "force-dynamic";
