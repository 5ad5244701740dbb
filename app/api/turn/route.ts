import { NextResponse } from "next/server";
import { ZTurnQuery } from "@/lib/shared/turn";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { requireMembership } from "@/lib/server/rooms/require-membership";
import { createIceConfig } from "@/lib/server/turn/create-ice-config";

/**
 * Short-lived ICE servers for a call in one of the user's rooms (`?room=<roomId>`): STUN, and
 * TURN credentials when configured. Counted before the membership check, so probing room ids
 * here costs the same allowance as asking for credentials.
 */
export const GET = route(async (request: Request) => {
  const user = await requireApiUser();
  const { room: roomId } = parseInput(ZTurnQuery, Object.fromEntries(new URL(request.url).searchParams));
  await getRateLimits().consume("turn", user.id);
  await requireMembership(db, { roomId, userId: user.id });
  const config = createIceConfig(
    { stunUrls: env.STUN_URLS, turnUrls: env.TURN_URLS, turnSecret: env.TURN_SECRET, ttlSeconds: env.TURN_TTL_SECONDS },
    user.id,
  );
  return NextResponse.json(config, { headers: { "Cache-Control": "private, no-store" } });
});

export const dynamic = "force-dynamic";
