/** A post-sign-in destination from a query string: only a path on this site, else home. */
export function safeReturnPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}

const AUTH_PAGES = new Set(["/signin", "/signup"]);

/**
 * Where a "Sign in" / "Sign up" link should go so the person comes back where they meant to
 * be: on an auth page, the destination that page was given (its `callbackUrl`); anywhere
 * else, the page itself. Home needs no callbackUrl: it is where sign-in lands anyway.
 */
export function authPageHref(target: "/signin" | "/signup", current: { pathname: string; search: string }): string {
  const search = current.search.replace(/^\?/, "");
  const returnTo = AUTH_PAGES.has(current.pathname)
    ? safeReturnPath(new URLSearchParams(search).get("callbackUrl"))
    : safeReturnPath(search ? `${current.pathname}?${search}` : current.pathname);
  return returnTo === "/" ? target : `${target}?callbackUrl=${encodeURIComponent(returnTo)}`;
}
