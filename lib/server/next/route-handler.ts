import { NextResponse } from "next/server";
import { toErrorBody } from "@/lib/shared/ack";
import { AppError, ERROR_CODES, isAppError } from "@/lib/shared/errors";
import type { TPublicUser } from "@/lib/shared/user";
import { env } from "../env";
import { readLimitedText } from "../http/read-limited-body";
import { logger } from "../logger-instance";
import { getSessionUser } from "./auth";

/**
 * An error reply: `{ error: { code, message, fields?, retryAfterMs? } }` with the code's HTTP
 * status, and a Retry-After header (whole seconds) when the error says when to retry.
 */
export function errorResponse(error: unknown): NextResponse {
  if (!isAppError(error)) logger.error({ err: error }, "route handler failed");
  const body = toErrorBody(error);
  const headers = body.retryAfterMs === undefined ? undefined : { "Retry-After": String(Math.ceil(body.retryAfterMs / 1000)) };
  return NextResponse.json({ error: body }, { status: ERROR_CODES[body.code], headers });
}

/** Thin route: runs the handler, turning any thrown error into a JSON error reply. */
export function route<TArgs extends unknown[]>(handler: (...args: TArgs) => Promise<Response>) {
  return async (...args: TArgs): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function requireApiUser(): Promise<TPublicUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return user;
}

/** The JSON body of a request, read up to HTTP_BODY_LIMIT_BYTES; a malformed one is a VALIDATION error, not a crash. */
export async function readJson(request: Request, limitBytes = env.HTTP_BODY_LIMIT_BYTES): Promise<unknown> {
  const text = await readLimitedText(request, limitBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body must be JSON");
  }
}
