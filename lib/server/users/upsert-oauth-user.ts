import type { TPublicUser } from "@/lib/shared/user";
import type { TDbClient } from "../db/create-db-client";

export interface UpsertOAuthUserOptions {
  provider: string;
  providerAccountId: string;
  /** Lower-case. */
  email: string;
  /** The provider vouched that this person controls `email` (see oauthEmailVerified). */
  emailVerified: boolean;
  name: string;
}

/**
 * The Duet user behind an OAuth identity: the one it is linked to; else, only when the provider
 * verified the email, the account with that email (linked now) or a new one. null: the identity
 * is not linked and its email is unverified. Such an email proves nothing, since anyone can type
 * someone else's address into a provider profile: linking it would hand that person's Duet
 * account to whoever typed it, and creating one would squat the address before its owner signs up.
 */
export async function upsertOAuthUser(db: TDbClient, options: UpsertOAuthUserOptions): Promise<TPublicUser | null> {
  const { provider, providerAccountId, email, emailVerified, name } = options;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (linked) return linked.user;
  if (!emailVerified) return null;
  const user = await db.user.upsert({
    where: { email },
    create: { email, name },
    update: {},
    select: { id: true, name: true },
  });
  await db.account.create({ data: { userId: user.id, provider, providerAccountId } });
  return user;
}
