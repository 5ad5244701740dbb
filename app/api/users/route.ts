import { NextResponse } from "next/server";
import { ZSignUpInput } from "@/lib/shared/user";
import { parseInput } from "@/lib/shared/validation";
import { db } from "@/lib/server/db";
import { clientIpOf } from "@/lib/server/http/client-ip";
import { readJson, route } from "@/lib/server/next/route-handler";
import { getRateLimits } from "@/lib/server/rate-limits/rate-limits-instance";
import { createUser } from "@/lib/server/users/create-user";

/** Sign up. The client signs in with the same credentials afterwards. */
export const POST = route(async (request: Request) => {
  const input = parseInput(ZSignUpInput, await readJson(request));
  await getRateLimits().consume("signUp", clientIpOf(request.headers));
  const user = await createUser(db, input);
  return NextResponse.json({ user }, { status: 201 });
});
