import { NextResponse } from "next/server";
import { ZHistoryQuery } from "@/lib/shared/message";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { listMessages } from "@/lib/server/messages/list-messages";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { requireMembership } from "@/lib/server/rooms/require-membership";

/**
 * A page of a room's chat history, for its members: `?before=<messageId>&limit=50`. Counted with
 * the timeline's pages, before the membership check, so probing room ids costs the same allowance.
 */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const { id: roomId } = await params;
  const query = parseInput(ZHistoryQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("history", user.id);
  await requireMembership(db, { roomId, userId: user.id });
  return NextResponse.json(await listMessages(db, { roomId, ...query }));
});
