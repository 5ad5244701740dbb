// Sign-in must take as long to refuse an unknown email as a wrong password, or its timing would
// tell which emails have accounts. It does so by running a real argon2id check either way; this
// proves the check runs (timing itself is for benchmarks, never asserted in a test).
import { verifyAgainstDummy, verifyPassword } from "@/lib/server/auth/password";
import type { TDbClient } from "@/lib/server/db/create-db-client";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";

jest.mock("@/lib/server/auth/password", () => ({
  verifyPassword: jest.fn(async () => false),
  verifyAgainstDummy: jest.fn(async () => false),
}));

function databaseWith(user: { id: string; name: string; email: string; passwordHash: string | null } | null): TDbClient {
  return { user: { findUnique: jest.fn(async () => user) } } as unknown as TDbClient;
}

describe("refusing a sign-in", () => {
  beforeEach(() => jest.clearAllMocks());

  it.each([
    ["an unknown email", null],
    ["an account that signs in only with GitHub or Google", { id: "u1", name: "Oa", email: "oa@example.test", passwordHash: null }],
  ])("checks the password against a dummy hash for %s, as long as a real check takes", async (_what, user) => {
    await expect(verifyCredentials(databaseWith(user), { email: "someone@example.test", password: "a guess" })).resolves.toBeNull();
    expect(verifyAgainstDummy).toHaveBeenCalledWith("a guess");
    expect(verifyPassword).not.toHaveBeenCalled();
  });

  it("checks a wrong password against the account's own hash, and answers the same null", async () => {
    const user = { id: "u2", name: "Ada", email: "ada@example.test", passwordHash: "$argon2id$stored" };
    await expect(verifyCredentials(databaseWith(user), { email: user.email, password: "a guess" })).resolves.toBeNull();
    expect(verifyPassword).toHaveBeenCalledWith("$argon2id$stored", "a guess");
    expect(verifyAgainstDummy).not.toHaveBeenCalled();
  });
});
