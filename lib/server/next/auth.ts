import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { TPublicUser } from "@/lib/shared/user";
import { createAuthOptions } from "../auth/create-auth-options";
import { db } from "../db";
import { env } from "../env";
import { getRateLimits } from "../rate-limits/rate-limits-instance";

export const authOptions = createAuthOptions(db, env, getRateLimits);

/** The signed-in user of the current request, or null. */
export async function getSessionUser(): Promise<TPublicUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? "" };
}

/** For pages that need a user: signed-out visitors go to sign-in and come back here. */
export async function requirePageUser(returnTo: string): Promise<TPublicUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
