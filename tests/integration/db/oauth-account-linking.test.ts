import { createLogger } from "@/lib/server/logger";
// Which Duet account an OAuth sign-in opens, against a real database: the rule in
// upsertOAuthUser that an email only links or creates an account when the provider verified it.
import { createAuthOptions } from "@/lib/server/auth/create-auth-options";
import { upsertOAuthUser, type UpsertOAuthUserOptions } from "@/lib/server/users/upsert-oauth-user";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";
import { testRateLimits } from "../../helpers/realtime-server";
import { seedUser, TEST_AUTH_SECRET } from "../../helpers/seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

describe("signing in with GitHub or Google", () => {
  let database: TestDatabase;
  let identity = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 30_000);

  afterAll(() => database.cleanup());

  /** A provider identity never seen before, with this email. */
  const oauth = (email: string, emailVerified: boolean, provider = "github"): UpsertOAuthUserOptions => {
    identity += 1;
    return { provider, providerAccountId: `${provider}-${identity}`, email, emailVerified, name: "OAuth Name" };
  };
  const identitiesOf = (userId: string) => database.db.account.findMany({ where: { userId }, select: { provider: true } });

  it("opens the password account with the same email when the provider verified it, and links it for next time", async () => {
    const owner = await seedUser(database.db, "Ada");
    const signIn = oauth(owner.email, true, "google");
    expect(await upsertOAuthUser(database.db, signIn)).toEqual({ id: owner.id, name: "Ada" });
    expect(await identitiesOf(owner.id)).toEqual([{ provider: "google" }]);
    // Once linked, the identity opens the account even if the provider later reports the email unverified.
    expect(await upsertOAuthUser(database.db, { ...signIn, emailVerified: false })).toEqual({ id: owner.id, name: "Ada" });
  });

  it("refuses an unverified provider email that belongs to a password account, which stays the owner's alone", async () => {
    const owner = await seedUser(database.db, "Ben");
    expect(await upsertOAuthUser(database.db, oauth(owner.email, false))).toBeNull();
    expect(await identitiesOf(owner.id)).toEqual([]);
    expect(await verifyCredentials(database.db, { email: owner.email, password: owner.password })).toMatchObject({ id: owner.id });
  });

  it("creates an account for a verified email Duet has not seen", async () => {
    const email = `new-${Date.now()}@example.test`;
    const user = await upsertOAuthUser(database.db, oauth(email, true));
    expect(user).toEqual({ id: expect.any(String), name: "OAuth Name" });
    expect(await database.db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } })).toEqual({
      id: user?.id,
      passwordHash: null,
    });
  });

  it("creates no account for an unverified email, so nobody can hold an address before its owner signs up", async () => {
    const email = `squatted-${Date.now()}@example.test`;
    expect(await upsertOAuthUser(database.db, oauth(email, false))).toBeNull();
    expect(await database.db.user.count({ where: { email } })).toBe(0);
    expect(await database.db.account.count({ where: { providerAccountId: `github-${identity}` } })).toBe(0);
  });

  it("sends a refused provider sign-in back to the sign-in page with the code that page explains", async () => {
    const owner = await seedUser(database.db, "Cy");
    const { callbacks } = createAuthOptions(database.db, { AUTH_SECRET: TEST_AUTH_SECRET }, () => testRateLimits(), createLogger("silent"));
    identity += 1;
    const attempt = (emailVerified: boolean) =>
      callbacks?.signIn?.({
        user: { id: `github-${identity}`, name: "Cy on GitHub", email: owner.email.toUpperCase() },
        account: { provider: "github", type: "oauth", providerAccountId: `github-${identity}` },
        profile: { email: owner.email, email_verified: emailVerified } as never,
      });
    expect(await attempt(false)).toBe("/signin?error=OAuthEmailUnverified");
    expect(await attempt(true)).toBe(true);
    expect(await identitiesOf(owner.id)).toEqual([{ provider: "github" }]);
  });
});
