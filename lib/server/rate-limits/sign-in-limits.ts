import type { TRateLimits } from "./create-rate-limits";

export interface SignInAttempt {
  /** Normalised (lower-case) email. */
  email: string;
  ip: string;
}

/**
 * Counts a sign-in attempt against three limits: the account from this address (tight, so
 * guessing one password is slow), the account from anywhere (larger, so a botnet cannot guess
 * faster) and the address for any account (so one host cannot sweep many accounts). All are
 * fixed windows: someone else's guessing locks a person out for at most one window, never for good.
 */
export async function countSignInAttempt(limits: TRateLimits, { email, ip }: SignInAttempt): Promise<void> {
  await limits.consume("signInIp", ip);
  await limits.consume("signInAccount", email);
  await limits.consume("signInAccountIp", `${email}|${ip}`);
}

/** A successful sign-in: this person's earlier typos from this address no longer count. */
export async function forgetSignInFailures(limits: TRateLimits, { email, ip }: SignInAttempt): Promise<void> {
  await limits.reset("signInAccountIp", `${email}|${ip}`);
}
