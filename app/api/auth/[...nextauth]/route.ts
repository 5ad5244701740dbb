import NextAuth from "next-auth";
import { AppError } from "@/lib/shared/errors";
import { env } from "@/lib/server/env";
import { authOptions } from "@/lib/server/next/auth";
import { authRequestRefusal } from "@/lib/server/next/auth-request-guard";
import { errorResponse } from "@/lib/server/next/route-handler";

const nextAuth = NextAuth(authOptions);

type TAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth, behind a check that answers the requests it would fail on with a 4xx instead of a 500. */
async function handler(request: Request, context: TAuthRouteContext): Promise<Response> {
  const refusal = await authRequestRefusal(request, env.HTTP_BODY_LIMIT_BYTES).catch((error: unknown) => error);
  return refusal ? errorResponse(refusal) : nextAuth(request, context);
}

/** next-auth answers a GET of the credentials callback (a POST-only endpoint) with a 500; say what it is instead. */
async function GET(request: Request, context: TAuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED", "Sign in with the form at /signin."));
    response.headers.set("Allow", "POST");
    return response;
  }
  return handler(request, context);
}

export { GET, handler as POST };
