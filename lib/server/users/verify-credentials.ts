import type { TPublicUser } from "@/lib/shared/user";
import { verifyAgainstDummy, verifyPassword } from "../auth/password";
import type { TDbClient } from "../db/create-db-client";

export interface VerifyCredentialsOptions {
  email: string;
  password: string;
}

/** The user these credentials belong to, or null — the same null for an unknown email and a wrong password. */
export async function verifyCredentials(
  db: TDbClient,
  { email, password }: VerifyCredentialsOptions,
): Promise<(TPublicUser & { email: string }) | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}
