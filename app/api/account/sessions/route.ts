import { NextResponse } from "next/server";
import type { TSessionsEnded } from "@/lib/shared/account";
import { endAuthSessions } from "@/lib/server/auth/auth-sessions";
import { db } from "@/lib/server/db";
import { requireAccountSession } from "@/lib/server/next/auth";
import { route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";

/** Sign out everywhere: every session of the account ends, this one included. */
export const DELETE = route(async (request: Request) => {
  const { user } = await requireAccountSession(request);
  await getRateLimits().consume("account", user.id);
  const ended = await endAuthSessions(db, { userId: user.id });
  return NextResponse.json({ endedSessions: ended.length } satisfies TSessionsEnded);
});
