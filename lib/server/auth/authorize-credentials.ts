import { isAppError } from "@/lib/shared/errors";
import { encodeSignInRefusal } from "@/lib/shared/sign-in-error";
import { ZSignInInput, type TPublicUser } from "@/lib/shared/user";
import type { TDbClient } from "../db/create-db-client";
import { clientIpOf } from "../http/client-ip";
import type { TRateLimits } from "../rate-limits/create-rate-limits";
import { countSignInAttempt, forgetSignInFailures } from "../rate-limits/sign-in-limits";
import { verifyCredentials } from "../users/verify-credentials";

export interface AuthorizeCredentialsDeps {
  db: TDbClient;
  rateLimits: TRateLimits;
}

/**
 * next-auth's credentials `authorize`: the user, null for wrong credentials, or a thrown Error
 * whose message next-auth hands the sign-in page as its `error` code. A rate-limited or busy
 * refusal travels as `RATE_LIMITED:<ms>` / `UNAVAILABLE:<ms>` so the page can say when to retry.
 */
export async function authorizeCredentials(
  { db, rateLimits }: AuthorizeCredentialsDeps,
  credentials: unknown,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<TPublicUser | null> {
  const input = ZSignInInput.safeParse(credentials);
  if (!input.success) return null;
  const attempt = { email: input.data.email, ip: clientIpOf(headers ?? {}) };
  try {
    await countSignInAttempt(rateLimits, attempt);
    const user = await verifyCredentials(db, input.data);
    if (user) await forgetSignInFailures(rateLimits, attempt);
    return user;
  } catch (error) {
    if (isAppError(error) && (error.code === "RATE_LIMITED" || error.code === "UNAVAILABLE")) {
      throw new Error(encodeSignInRefusal({ code: error.code, retryAfterMs: error.retryAfterMs ?? 5_000 }));
    }
    throw error;
  }
}
