import GitHubProvider, { type GithubEmail, type GithubProfile } from "next-auth/providers/github";
import type { Profile } from "next-auth";
import type { OAuthUserConfig } from "next-auth/providers/oauth";

/** GitHub's profile as Duet asks for it: the email it picked, and whether GitHub verified it. */
export type TGitHubProfile = GithubProfile & { email_verified: boolean };

/**
 * The address Duet takes from a GitHub account: the primary one when GitHub verified it, else
 * any verified one, else the primary (unverified, which Duet then refuses to link or create).
 */
export function pickGitHubEmail(emails: Pick<GithubEmail, "email" | "primary" | "verified">[]): { email: string; verified: boolean } | null {
  const chosen = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified) ?? emails.find((e) => e.primary) ?? emails[0];
  return chosen ? { email: chosen.email, verified: chosen.verified === true } : null;
}

/**
 * next-auth's GitHub provider, keeping GitHub's `verified` flag. The stock one takes the public
 * profile email, or else the primary address from /user/emails, and drops the flag, so an address
 * someone merely typed into GitHub would look as good as a verified one. This always reads
 * /user/emails (the user:email scope the provider already asks for) and reports the flag of the
 * address it picks as `email_verified`, as Google's ID token does.
 */
export function gitHubProvider(options: OAuthUserConfig<TGitHubProfile>) {
  return GitHubProvider<TGitHubProfile>({
    ...options,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token ?? "")) as GithubProfile;
        const response = await fetch("https://api.github.com/user/emails", { headers: { Authorization: `token ${tokens.access_token}` } });
        const picked = response.ok ? pickGitHubEmail((await response.json()) as GithubEmail[]) : null;
        // next-auth types this as its own Profile, though it hands the raw profile to profile() below.
        return { ...profile, email: picked?.email ?? null, email_verified: picked?.verified ?? false } as Profile & TGitHubProfile;
      },
    },
  });
}
