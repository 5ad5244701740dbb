import { NextResponse } from "next/server";
import { ZTimelineQuery } from "@/lib/shared/timeline";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { listTimeline } from "@/lib/server/history/list-timeline";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { requireMembership } from "@/lib/server/rooms/require-membership";

/**
 * A page of a room's timeline (messages and call events), for its members:
 * `?before=<cursor>`, `?after=<cursor>`, `?around=<messageId>`, `?at=<ISO instant>`, `&limit=50`.
 * Counted before the membership check, so probing room ids costs the same allowance.
 */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const { id: roomId } = await params;
  const query = parseInput(ZTimelineQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("history", user.id);
  await requireMembership(db, { roomId, userId: user.id });
  return NextResponse.json(await listTimeline(db, { roomId, ...query }), { headers: { "Cache-Control": "private, no-store" } });
});

export const dynamic = "force-dynamic";
