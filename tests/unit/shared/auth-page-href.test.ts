import { authPageHref } from "@/lib/shared/return-path";

describe("authPageHref", () => {
  it("on an auth page, passes on the destination that page was given", () => {
    const onSignIn = { pathname: "/signin", search: "callbackUrl=%2Frooms%2Fabc" };
    expect(authPageHref("/signup", onSignIn)).toBe("/signup?callbackUrl=%2Frooms%2Fabc");
    expect(authPageHref("/signin", { pathname: "/signup", search: "?callbackUrl=%2Fhistory" })).toBe("/signin?callbackUrl=%2Fhistory");
  });

  it("elsewhere, comes back to the current page with its query", () => {
    expect(authPageHref("/signin", { pathname: "/check", search: "room=abc" })).toBe("/signin?callbackUrl=%2Fcheck%3Froom%3Dabc");
    expect(authPageHref("/signup", { pathname: "/rooms/abc", search: "" })).toBe("/signup?callbackUrl=%2Frooms%2Fabc");
  });

  it("adds nothing when the destination is home", () => {
    expect(authPageHref("/signup", { pathname: "/", search: "" })).toBe("/signup");
    expect(authPageHref("/signup", { pathname: "/signin", search: "" })).toBe("/signup");
  });

  it("drops a destination on another site", () => {
    expect(authPageHref("/signup", { pathname: "/signin", search: "callbackUrl=https%3A%2F%2Fevil.example" })).toBe("/signup");
    expect(authPageHref("/signup", { pathname: "/signin", search: "callbackUrl=%2F%2Fevil.example" })).toBe("/signup");
  });
});
