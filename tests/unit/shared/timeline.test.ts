import { compareTimelinePositions, decodeTimelineCursor, encodeTimelineCursor, messagePermalink, ZTimelineQuery } from "@/lib/shared/timeline";
import { messageIdFromHash } from "@/lib/client/history/use-timeline";
import { groupByDay } from "@/lib/client/history/group-by-day";
import type { TTimelineEntry } from "@/lib/shared/timeline";

describe("timeline positions", () => {
  it("round-trip through a cursor", () => {
    const position = { at: new Date("2026-11-24T10:02:03.456Z"), key: "cm3x9k2l40000abcd" };
    expect(decodeTimelineCursor(encodeTimelineCursor(position))).toEqual(position);
  });

  it("order by time, then by key, so a call's start (a) comes before its end (b) in the same millisecond", () => {
    const at = new Date(0);
    expect(compareTimelinePositions({ at, key: "c1a" }, { at, key: "c1b" })).toBeLessThan(0);
    expect(compareTimelinePositions({ at: new Date(1), key: "a" }, { at, key: "z" })).toBeGreaterThan(0);
  });
});

describe("timeline query", () => {
  it("takes one starting point at most, and bounded pages", () => {
    expect(ZTimelineQuery.parse({})).toEqual({ limit: 50 });
    expect(ZTimelineQuery.safeParse({ before: "1_a", after: "2_b" }).success).toBe(false);
    expect(ZTimelineQuery.safeParse({ limit: "201" }).success).toBe(false);
    expect(ZTimelineQuery.safeParse({ before: "yesterday" }).success).toBe(false);
    expect(ZTimelineQuery.safeParse({ around: "../etc" }).success).toBe(false);
    expect(ZTimelineQuery.parse({ at: "2026-11-24T00:00:00.000+01:00" })).toMatchObject({ at: "2026-11-24T00:00:00.000+01:00" });
    expect(ZTimelineQuery.safeParse({ at: "2026-11-24" }).success).toBe(false);
  });
});

describe("permalinks", () => {
  it("name the message in the fragment, which the history page reads back", () => {
    const link = messagePermalink("AAAAAAAAAAAAAAAAAAAAAA", "cm3x9k2l40000abcd");
    expect(link).toBe("/history/AAAAAAAAAAAAAAAAAAAAAA#m-cm3x9k2l40000abcd");
    expect(messageIdFromHash(new URL(link, "http://duet.test").hash)).toBe("cm3x9k2l40000abcd");
    expect(messageIdFromHash("#m-")).toBeNull();
    expect(messageIdFromHash("#top")).toBeNull();
  });
});

describe("groupByDay", () => {
  it("puts consecutive entries of one local day under one separator", () => {
    const entry = (at: Date, key: string) => ({ kind: "message", key, at: at.toISOString() }) as TTimelineEntry;
    const days = groupByDay([
      entry(new Date(2026, 10, 23, 23, 59), "a"),
      entry(new Date(2026, 10, 24, 0, 1), "b"),
      entry(new Date(2026, 10, 24, 9), "c"),
    ]);
    expect(days.map(({ day, entries }) => [day, entries.map((e) => e.key)])).toEqual([
      ["2026-11-23", ["a"]],
      ["2026-11-24", ["b", "c"]],
    ]);
  });
});
