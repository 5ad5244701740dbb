import {
  decodeSignInRefusal,
  describeSignInError,
  encodeSignInRefusal,
  OAUTH_EMAIL_UNVERIFIED,
  signInErrorPath,
  WRONG_CREDENTIALS,
} from "@/lib/shared/sign-in-error";

describe("what the sign-in page says about a failed sign-in", () => {
  it("carries a rate-limit refusal through next-auth's error string to words saying when", () => {
    const error = encodeSignInRefusal({ code: "RATE_LIMITED", retryAfterMs: 125_000 });
    expect(decodeSignInRefusal(error)).toEqual({ code: "RATE_LIMITED", retryAfterMs: 125_000 });
    expect(describeSignInError(error)).toBe("Too many sign-in attempts. Try again in 3 minutes.");
    expect(describeSignInError(encodeSignInRefusal({ code: "UNAVAILABLE", retryAfterMs: 1_500 }))).toBe(
      "Duet is busy signing people in. Try again in 2 seconds.",
    );
  });

  it("says the same for an unknown email and a wrong password", () => {
    expect(describeSignInError("CredentialsSignin")).toBe(WRONG_CREDENTIALS);
    expect(decodeSignInRefusal("CredentialsSignin")).toBeNull();
  });

  it("tells someone whose provider hasn't verified the email to sign in with their password", () => {
    const path = signInErrorPath(OAUTH_EMAIL_UNVERIFIED);
    const code = new URL(path, "http://duet.test").searchParams.get("error") ?? "";
    expect(new URL(path, "http://duet.test").pathname).toBe("/signin");
    expect(describeSignInError(code)).toMatch(/hasn't verified its email address.*Sign in with your email and password instead/);
  });

  it("never repeats words put in the link, and calls next-auth's own failures a failed sign-in", () => {
    for (const error of ["OAuthCallback", "AccessDenied", "Call 555-0100 to unlock your account", "RATE_LIMITED:abc"]) {
      expect(describeSignInError(error)).toBe("Sign-in failed. Try again.");
    }
  });
});
