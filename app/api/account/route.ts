import { NextResponse } from "next/server";
import { ZDeleteAccountInput } from "@/lib/shared/account";
import { parseInput } from "@/lib/shared/validation";
import { deleteAccount } from "@/lib/server/account/delete-account";
import { db } from "@/lib/server/db";
import { requireAccountSession } from "@/lib/server/next/auth";
import { readJson, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";

/** Delete my account (see deleteAccount for what happens to rooms and messages). */
export const DELETE = route(async (request: Request) => {
  const { user } = await requireAccountSession(request);
  const input = parseInput(ZDeleteAccountInput, await readJson(request));
  await getRateLimits().consume("account", user.id);
  await deleteAccount(db, { userId: user.id, ...input });
  return NextResponse.json({ deleted: true });
});
