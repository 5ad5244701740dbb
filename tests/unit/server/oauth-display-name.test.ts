import { oauthDisplayName } from "@/lib/server/users/oauth-display-name";

describe("oauthDisplayName", () => {
  it("keeps a valid profile name, trimmed", () => {
    expect(oauthDisplayName("  Ada Lovelace ", "ada@example.test")).toBe("Ada Lovelace");
  });

  it("drops control and direction-control characters from a profile name", () => {
    expect(oauthDisplayName("Ada\u0000 L\u202Eovelace\n", "ada@example.test")).toBe("Ada Lovelace");
  });

  it("shortens a long profile name to 80 characters", () => {
    expect(oauthDisplayName("a".repeat(200), "ada@example.test")).toHaveLength(80);
  });

  it("falls back to the email's local part when nothing visible is left", () => {
    expect(oauthDisplayName("\u200b\u0000", "ada.l@example.test")).toBe("ada.l");
    expect(oauthDisplayName(null, "ben@example.test")).toBe("ben");
  });
});
