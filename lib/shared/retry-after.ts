/** "in 40 seconds", "in 3 minutes", "in 2 hours": when a refused action can be tried again, in words. */
export function describeRetryAfter(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (seconds < 60) return `in ${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  const hours = Math.ceil(minutes / 60);
  return `in ${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/**
 * next-auth v4 hands a credentials sign-in's refusal to the page only as its `error` string,
 * so a refusal that says when to retry travels as `<code>:<retryAfterMs>`.
 */
export type TSignInRefusal = { code: "RATE_LIMITED" | "UNAVAILABLE"; retryAfterMs: number };

export function encodeSignInRefusal({ code, retryAfterMs }: TSignInRefusal): string {
  return `${code}:${Math.ceil(retryAfterMs)}`;
}

export function decodeSignInRefusal(error: string | null | undefined): TSignInRefusal | null {
  const match = /^(RATE_LIMITED|UNAVAILABLE):(\d+)$/.exec(error ?? "");
  return match ? { code: match[1] as TSignInRefusal["code"], retryAfterMs: Number(match[2]) } : null;
}

/** The sign-in page's words for a refusal. */
export function describeSignInRefusal({ code, retryAfterMs }: TSignInRefusal): string {
  const when = describeRetryAfter(retryAfterMs);
  return code === "RATE_LIMITED"
    ? `Too many sign-in attempts. Try again ${when}.`
    : `Duet is busy signing people in. Try again ${when}.`;
}
