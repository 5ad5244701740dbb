import { exportFileName } from "@/lib/server/history/export-file-name";
import { escapeMarkdown } from "@/lib/server/history/export-markdown";

describe("escapeMarkdown", () => {
  it("shows formatting characters as written, and keeps line breaks", () => {
    expect(escapeMarkdown("**bold** _it_ `code` [link](x) <b> a|b ~s~ #tag")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~s\\~ \\#tag",
    );
    expect(escapeMarkdown("- item\n1. first\n> quote\nplain")).toBe("\\- item  \n1\\. first  \n\\> quote  \nplain");
  });

  it("never turns a message into a heading or a code block, and shows entities as typed", () => {
    // A line of "=" under the one before would make both a heading.
    expect(escapeMarkdown("Meeting notes\n===")).toBe("Meeting notes  \n\\===");
    expect(escapeMarkdown("&lt;b&gt; &amp; &copy;")).toBe("\\&lt;b\\&gt; \\&amp; \\&copy;");
    // Four spaces after a blank line would start a code block.
    expect(escapeMarkdown("list:\n\n    indented")).toBe("list:  \n  \n\u00a0\u00a0\u00a0\u00a0indented");
  });
});

describe("exportFileName", () => {
  it("names the download after the room and the day, in ASCII and as written", () => {
    const header = exportFileName("Café's plans / 2026", "markdown", new Date("2026-11-24T10:00:00Z"));
    expect(header).toBe(`attachment; filename="Cafes-plans-2026-2026-11-24.md"; filename*=UTF-8''Caf%C3%A9%27s%20plans%20_%202026-2026-11-24.md`);
    expect(exportFileName("???", "json", new Date("2026-11-24T10:00:00Z"))).toContain('filename="duet-room-2026-11-24.json"');
  });
});
