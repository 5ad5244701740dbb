import { redirect } from "next/navigation";
import { cache } from "react";
import type { TPublicUser } from "@/lib/shared/user";
import { getSessionUser as readSessionUser } from "@/lib/server/next/auth";

/**
 * The signed-in user of the current request, or null: read once per request, however many of
 * the root layout, a page's layout, its title and the page itself ask. Each read decrypts the
 * cookie and looks up its session row. Here, not in lib/server: React's per-request cache
 * works only in the React that renders the page, which is the one Next bundles.
 */
export const getSessionUser = cache(readSessionUser);

/** For pages that need a user: signed-out visitors go to sign-in and come back here. */
export async function requirePageUser(returnTo: string): Promise<TPublicUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
