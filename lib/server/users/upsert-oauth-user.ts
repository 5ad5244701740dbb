import type { TPublicUser } from "@/lib/shared/user";
import type { TDbClient } from "../db/create-db-client";

export interface UpsertOAuthUserOptions {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
}

/**
 * The Duet user behind an OAuth identity: the linked one, else the account with the same
 * (provider-verified) email, else a new one.
 */
export async function upsertOAuthUser(db: TDbClient, options: UpsertOAuthUserOptions): Promise<TPublicUser> {
  const { provider, providerAccountId, email, name } = options;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (linked) return linked.user;
  const user = await db.user.upsert({
    where: { email },
    create: { email, name },
    update: {},
    select: { id: true, name: true },
  });
  await db.account.create({ data: { userId: user.id, provider, providerAccountId } });
  return user;
}
