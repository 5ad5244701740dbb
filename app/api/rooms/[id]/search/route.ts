import { NextResponse } from "next/server";
import { ZSearchQuery } from "@/lib/shared/search";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { searchMessages } from "@/lib/server/messages/search-messages";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { requireMembership } from "@/lib/server/rooms/require-membership";

/**
 * Messages of one room with every word of `?q=`, newest first (`&cursor=` for older ones), for
 * its members. Counted before the membership check, so probing room ids costs the same allowance.
 */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const { id: roomId } = await params;
  const { q, cursor, limit } = parseInput(ZSearchQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("search", user.id);
  await requireMembership(db, { roomId, userId: user.id });
  const page = await searchMessages(db, { userId: user.id, roomId, query: q, cursor, limit });
  return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
});

export const dynamic = "force-dynamic";
