import { AppError } from "@/lib/shared/errors";
import type { TPublicUser } from "@/lib/shared/user";
import { hashPassword } from "../auth/password";
import type { TDbClient } from "../db/create-db-client";
import { isUniqueViolation } from "../db/prisma-errors";

export interface CreateUserOptions {
  name: string;
  /** Already normalised (trimmed, lower-case) by ZSignUpInput. */
  email: string;
  password: string;
}

export async function createUser(db: TDbClient, { name, email, password }: CreateUserOptions): Promise<TPublicUser> {
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({ data: { name, email, passwordHash }, select: { id: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
        email: "An account with this email already exists",
      });
    }
    throw error;
  }
}
