import { ZDisplayName } from "@/lib/shared/user";

/** Characters a Duet name may not hold (see ZDisplayName): controls, line breaks, direction controls. */
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The name a new OAuth user gets. A provider's profile name has not passed ZDisplayName, and a
 * NUL in it would be a database error on every sign-in: it is cleaned, shortened, and replaced
 * by the email's local part when nothing valid is left.
 */
export function oauthDisplayName(profileName: string | null | undefined, email: string): string {
  const cleaned = (profileName ?? "").replace(NOT_IN_A_NAME, "").trim().slice(0, 80);
  const parsed = ZDisplayName.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const fallback = ZDisplayName.safeParse(email.split("@")[0]?.replace(NOT_IN_A_NAME, "").slice(0, 80) ?? "");
  return fallback.success ? fallback.data : "Duet user";
}
