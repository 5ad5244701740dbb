import { retitled, titleWithUnread } from "@/lib/client/attention/title-with-unread";

describe("the tab title while messages wait unread", () => {
  it("puts the count in front of the room's title", () => {
    expect(titleWithUnread("Design review — Duet", 2)).toBe("(2) Design review — Duet");
  });

  it("replaces an earlier count rather than stacking counts", () => {
    expect(titleWithUnread("(2) Design review — Duet", 3)).toBe("(3) Design review — Duet");
  });

  it("goes back to the bare title once nothing is unread", () => {
    expect(titleWithUnread("(3) Design review — Duet", 0)).toBe("Design review — Duet");
  });

  it("caps the count so the room's name stays readable", () => {
    expect(titleWithUnread("Design review — Duet", 250)).toBe("(99+) Design review — Duet");
    expect(titleWithUnread("(99+) Design review — Duet", 0)).toBe("Design review — Duet");
  });

  it("leaves a room named like a count alone when nothing is unread", () => {
    expect(titleWithUnread("(2)Room", 0)).toBe("(2)Room");
  });
});

describe("the tab title when the room is renamed", () => {
  it("shows the new name, keeping the unread count in front", () => {
    expect(retitled("(2) Design review — Duet", "Friday planning — Duet")).toBe("(2) Friday planning — Duet");
    expect(retitled("(99+) Design review — Duet", "Friday planning — Duet")).toBe("(99+) Friday planning — Duet");
  });

  it("shows just the new name when nothing is unread", () => {
    expect(retitled("Design review — Duet", "Friday planning — Duet")).toBe("Friday planning — Duet");
  });
});
