import { NextResponse } from "next/server";
import { env } from "@/lib/server/env";
import { requireApiUser, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { createIceConfig } from "@/lib/server/turn/create-ice-config";

/** Short-lived ICE servers for the signed-in user: STUN, and TURN credentials when configured. */
export const GET = route(async () => {
  const user = await requireApiUser();
  await getRateLimits().consume("turn", user.id);
  const config = createIceConfig(
    { stunUrls: env.STUN_URLS, turnUrls: env.TURN_URLS, turnSecret: env.TURN_SECRET, ttlSeconds: env.TURN_TTL_SECONDS },
    user.id,
  );
  return NextResponse.json(config, { headers: { "Cache-Control": "private, no-store" } });
});

export const dynamic = "force-dynamic";
