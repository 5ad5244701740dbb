import { gitHubProvider, pickGitHubEmail } from "@/lib/server/auth/github-provider";
import { oauthEmailVerified } from "@/lib/server/auth/oauth-email-verified";

const email = (address: string, primary: boolean, verified: boolean) => ({ email: address, primary, verified });

describe("which email a GitHub sign-in brings, and whether GitHub verified it", () => {
  it("takes the primary address when GitHub verified it", () => {
    expect(pickGitHubEmail([email("other@example.test", false, true), email("main@example.test", true, true)])).toEqual({
      email: "main@example.test",
      verified: true,
    });
  });

  it("prefers a verified address to an unverified primary one", () => {
    expect(pickGitHubEmail([email("typed@example.test", true, false), email("proven@example.test", false, true)])).toEqual({
      email: "proven@example.test",
      verified: true,
    });
  });

  it("reports an account with no verified address as unverified, and one with none at all as nothing", () => {
    expect(pickGitHubEmail([email("typed@example.test", true, false)])).toEqual({ email: "typed@example.test", verified: false });
    expect(pickGitHubEmail([])).toBeNull();
  });

  it("hands next-auth the picked address with GitHub's verified flag, whatever the public profile says", async () => {
    const provider = gitHubProvider({ clientId: "id", clientSecret: "secret" });
    const userinfo = provider.options?.userinfo;
    if (typeof userinfo !== "object" || !userinfo.request) throw new Error("gitHubProvider has no userinfo request");
    const emails = [email("typed@example.test", true, false), email("proven@example.test", false, true)];
    // The one network call this module makes, answered here; the OAuth client is a stand-in too.
    const fetchSpy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response(JSON.stringify(emails), { status: 200 }));
    const client = { userinfo: async () => ({ id: 1, login: "ada", name: "Ada", email: "typed@example.test" }) };
    try {
      const profile = await userinfo.request({ client, tokens: { access_token: "token" }, provider } as never);
      expect(fetchSpy).toHaveBeenCalledWith("https://api.github.com/user/emails", expect.anything());
      expect(profile).toMatchObject({ email: "proven@example.test", email_verified: true });
      expect(oauthEmailVerified(profile)).toBe(true);
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe("whether an OAuth provider vouched for the email", () => {
  it("counts only a literal true email_verified (Google's ID token claim, or the GitHub flag above)", () => {
    expect(oauthEmailVerified({ email: "a@example.test", email_verified: true })).toBe(true);
    for (const profile of [{ email_verified: false }, { email_verified: "true" }, { email: "a@example.test" }, null, undefined, "x"]) {
      expect(oauthEmailVerified(profile)).toBe(false);
    }
  });
});
