import { findHighlights, searchTerms, ZSearchQuery } from "@/lib/shared/search";
import { snippetAround } from "@/lib/shared/search-snippet";

describe("searchTerms", () => {
  it("takes the distinct words of a query, lower-cased, and drops punctuation and search syntax", () => {
    expect(searchTerms(`Budget "review" OR budget* NEAR(x) -draft`)).toEqual(["budget", "review", "or", "near", "x", "draft"]);
    expect(searchTerms("Crème brûlée, 2026!")).toEqual(["crème", "brûlée", "2026"]);
    expect(searchTerms("?! ...")).toEqual([]);
  });

  it("keeps at most eight words", () => {
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("search query", () => {
  it("needs at least one word and stays short", () => {
    expect(ZSearchQuery.parse({ q: "  budget " })).toEqual({ q: "budget", limit: 20 });
    expect(ZSearchQuery.safeParse({ q: "!!!" }).success).toBe(false);
    expect(ZSearchQuery.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(ZSearchQuery.safeParse({ q: "a", cursor: "'; DROP" }).success).toBe(false);
  });
});

describe("findHighlights", () => {
  it("marks whole words equal to a term, ignoring case and accents", () => {
    const body = "Cafe or CAFÉ? cafeteria";
    expect(findHighlights(body, ["café"]).map(([from, to]) => body.slice(from, to))).toEqual(["Cafe", "CAFÉ"]);
  });
});

describe("snippetAround", () => {
  it("cuts a long body around its first highlight and shifts the highlights to match", () => {
    const body = `${"x ".repeat(100)}needle ${"y ".repeat(100)}`;
    const snippet = snippetAround(body, findHighlights(body, ["needle"]), 20);
    expect(snippet.cutStart && snippet.cutEnd).toBe(true);
    const [[from, to]] = snippet.highlights as [[number, number]];
    expect(snippet.text.slice(from, to)).toBe("needle");
  });

  it("never splits an emoji", () => {
    const body = `${"😀".repeat(30)} needle`;
    const { text } = snippetAround(body, findHighlights(body, ["needle"]), 7);
    // A lone surrogate half is what a split emoji leaves behind.
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
