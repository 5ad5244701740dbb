import { decodeSignInRefusal, describeRetryAfter, describeSignInRefusal, encodeSignInRefusal } from "@/lib/shared/retry-after";

describe("when to try again, in words", () => {
  it.each([
    [400, "in 1 second"],
    [12_300, "in 13 seconds"],
    [60_000, "in 1 minute"],
    [14 * 60_000 + 1, "in 15 minutes"],
    [3_600_000, "in 1 hour"],
  ])("says %d ms as %s", (ms, words) => {
    expect(describeRetryAfter(ms)).toBe(words);
  });

  it("carries a sign-in refusal through next-auth's error string to the page's words", () => {
    const error = encodeSignInRefusal({ code: "RATE_LIMITED", retryAfterMs: 125_000 });
    const refusal = decodeSignInRefusal(error);
    expect(refusal && describeSignInRefusal(refusal)).toBe("Too many sign-in attempts. Try again in 3 minutes.");
    expect(decodeSignInRefusal("CredentialsSignin")).toBeNull();
  });
});
