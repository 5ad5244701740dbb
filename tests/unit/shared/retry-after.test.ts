import { describeRetryAfter } from "@/lib/shared/retry-after";

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
});
