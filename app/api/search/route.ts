import { NextResponse } from "next/server";
import { ZSearchQuery } from "@/lib/shared/search";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { searchMessages } from "@/lib/server/messages/search-messages";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";

/** Messages with every word of `?q=` across all the rooms the user is in, newest first (`&cursor=` for older ones). */
export const GET = route(async (request: Request) => {
  const user = await requireApiUser();
  const { q, cursor, limit } = parseInput(ZSearchQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("search", user.id);
  const page = await searchMessages(db, { userId: user.id, query: q, cursor, limit });
  return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
});

export const dynamic = "force-dynamic";
