import NextAuth from "next-auth";
import { AppError } from "@/lib/shared/errors";
import { authOptions } from "@/lib/server/next/auth";
import { errorResponse } from "@/lib/server/next/route-handler";

const handler = NextAuth(authOptions);

type TAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

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
