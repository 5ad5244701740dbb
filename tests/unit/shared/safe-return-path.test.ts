import { safeReturnPath } from "@/lib/shared/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/history", "/history"],
    ["/rooms/AbCdEfGhIjKlMnOpQrStUv", "/rooms/AbCdEfGhIjKlMnOpQrStUv"],
    ["/check?room=abc&x=1", "/check?room=abc&x=1"],
    ["/history#latest", "/history#latest"],
    ["/a/%2F%2Fevil.example", "/a/%2F%2Fevil.example"],
    ["/a/../history", "/history"],
  ])("keeps the path on this site: %j → %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["empty", ""],
    ["relative", "history"],
    ["absolute URL", "https://evil.example/"],
    ["scheme-relative", "//evil.example"],
    ["backslash after slash", "/\\evil.example"],
    ["backslash later", "/a\\..\\\\evil.example"],
    ["tab", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/\0/evil.example"],
    ["leading space", " //evil.example"],
    ["space inside", "/ /evil.example"],
    ["no-break space", "/\u00a0/evil.example"],
    ["zero-width space", "/\u200b/evil.example"],
    ["BOM", "/\ufeff/evil.example"],
    ["C1 control", "/\u0085/evil.example"],
    ["dot segment collapsing to //", "/.//evil.example"],
    ["parent segments collapsing to //", "/a/..//evil.example"],
    ["javascript: scheme", "javascript:alert(1)"],
    ["overlong", `/${"a".repeat(5000)}`],
  ])("refuses %s, answering home", (_name, input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("takes the first of repeated query values", () => {
    expect(safeReturnPath(["/history", "//evil.example"])).toBe("/history");
    expect(safeReturnPath(["//evil.example", "/history"])).toBe("/");
  });
});
