import { newMessageId } from "@/lib/server/messages/message-write";

describe("message ids", () => {
  it("sort by the time they were made, so new rows go to the end of the index", () => {
    const earlier = newMessageId(new Date("2026-11-26T12:00:00.000Z"));
    const later = newMessageId(new Date("2026-11-26T12:00:00.001Z"));
    expect(earlier < later).toBe(true);
  });

  it("differ within one millisecond", () => {
    const now = new Date();
    const ids = new Set(Array.from({ length: 1000 }, () => newMessageId(now)));
    expect(ids.size).toBe(1000);
  });

  it("fit a history cursor", () => {
    expect(newMessageId(new Date()).length).toBeLessThanOrEqual(64);
  });
});
