import { NextResponse } from "next/server";
import { ZChangePasswordInput, type TSessionsEnded } from "@/lib/shared/account";
import { parseInput } from "@/lib/shared/validation";
import { changePassword } from "@/lib/server/account/change-password";
import { db } from "@/lib/server/db";
import { requireAccountSession } from "@/lib/server/next/auth";
import { readJson, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";

/** Change my password: asks for the current one, then signs out every other browser. */
export const POST = route(async (request: Request) => {
  const { user, sessionId } = await requireAccountSession(request);
  const input = parseInput(ZChangePasswordInput, await readJson(request));
  await getRateLimits().consume("account", user.id);
  const endedSessions = await changePassword(db, { userId: user.id, sessionId, ...input });
  return NextResponse.json({ endedSessions } satisfies TSessionsEnded);
});
