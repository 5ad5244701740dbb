/**
 * Whether the provider vouched for the email of this sign-in: Google's ID token claim
 * `email_verified`, or the same field gitHubProvider sets from GitHub's /user/emails. Only a
 * literal `true` counts; anything missing or odd is unverified.
 */
export function oauthEmailVerified(profile: unknown): boolean {
  return typeof profile === "object" && profile !== null && "email_verified" in profile && profile.email_verified === true;
}
