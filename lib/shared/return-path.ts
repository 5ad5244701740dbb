const PLACEHOLDER_ORIGIN = "http://duet.invalid";
/**
 * Browsers drop tabs and newlines anywhere in a URL and read a backslash as a slash, so
 * "/\t/evil.example" or "/\\evil.example" means "//evil.example": another site. None of these
 * belongs in a path Duet itself produced (those are percent-encoded), so any of them refuses.
 */
const UNSAFE_CHARACTER = /[\s\p{Cc}\p{Cf}\\]/u;
const RETURN_PATH_MAX_LENGTH = 2048;

/**
 * A post-sign-in destination from a query string: only a path on this site, else home.
 * The answer is the path as a URL parser reads it, so what is checked is what a browser follows.
 */
export function safeReturnPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || path.length > RETURN_PATH_MAX_LENGTH || !path.startsWith("/") || UNSAFE_CHARACTER.test(path)) return "/";
  let url: URL;
  try {
    url = new URL(path, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  // Dot segments can collapse into a leading "//" ("/.//evil.example"), so check the result.
  if (url.origin !== PLACEHOLDER_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
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
