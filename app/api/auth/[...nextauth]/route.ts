import NextAuth from "next-auth";
import { env } from "@/lib/server/env";
import { authOptions } from "@/lib/server/next/auth";
import { authRequestRefusal } from "@/lib/server/next/auth-request-guard";
import { errorResponse } from "@/lib/server/next/route-handler";

const nextAuth = NextAuth(authOptions);

/** next-auth, behind a check that answers the requests it would fail on with a 4xx instead of a 500. */
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const refusal = await authRequestRefusal(request, env.HTTP_BODY_LIMIT_BYTES).catch((error: unknown) => error);
  return refusal ? errorResponse(refusal) : nextAuth(request, context);
}

export { handler as GET, handler as POST };
