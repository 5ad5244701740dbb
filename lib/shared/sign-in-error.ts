import { describeRetryAfter } from "./retry-after";

/**
 * What a failed sign-in can tell the sign-in page. next-auth v4 hands the page nothing but an
 * `error` string (`?error=…` after a redirect, `result.error` after `signIn(…, { redirect: false })`),
 * so every failure that needs its own words travels as a code made and read here only.
 */

/** A credentials sign-in refused for a while: `<code>:<retryAfterMs>`, so the page can say when. */
export type TSignInRefusal = { code: "RATE_LIMITED" | "UNAVAILABLE"; retryAfterMs: number };

export function encodeSignInRefusal({ code, retryAfterMs }: TSignInRefusal): string {
  return `${code}:${Math.ceil(retryAfterMs)}`;
}

export function decodeSignInRefusal(error: string | null | undefined): TSignInRefusal | null {
  const match = /^(RATE_LIMITED|UNAVAILABLE):(\d+)$/.exec(error ?? "");
  return match ? { code: match[1] as TSignInRefusal["code"], retryAfterMs: Number(match[2]) } : null;
}

/** An OAuth sign-in whose provider had not verified the email, and whose identity was not yet linked. */
export const OAUTH_EMAIL_UNVERIFIED = "OAuthEmailUnverified";

/** Where a refused OAuth sign-in is sent back to (next-auth's signIn callback may return a URL). */
export function signInErrorPath(code: typeof OAUTH_EMAIL_UNVERIFIED): string {
  return `/signin?error=${code}`;
}

/** The credentials form's words for a wrong email or password: the same for both, so neither reveals which emails exist. */
export const WRONG_CREDENTIALS = "That email and password don't match an account.";

/**
 * The sign-in page's words for an `error` code, whether it came back to the form (a credentials
 * sign-in) or in the address (`?error=` after an OAuth redirect, where next-auth's own codes such
 * as OAuthCallback or AccessDenied all mean the provider's sign-in failed). The page never shows
 * the code's own text: anyone can put words in a link.
 */
export function describeSignInError(error: string): string {
  const refusal = decodeSignInRefusal(error);
  if (refusal) {
    const when = describeRetryAfter(refusal.retryAfterMs);
    return refusal.code === "RATE_LIMITED" ? `Too many sign-in attempts. Try again ${when}.` : `Duet is busy signing people in. Try again ${when}.`;
  }
  if (error === OAUTH_EMAIL_UNVERIFIED) {
    return "Your GitHub or Google account hasn't verified its email address, so Duet won't sign you in with it. Sign in with your email and password instead, or verify the address with the provider and try again.";
  }
  // next-auth's code for credentials its authorize() turned down.
  return error === "CredentialsSignin" ? WRONG_CREDENTIALS : "Sign-in failed. Try again.";
}
