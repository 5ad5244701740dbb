import { AppError } from "@/lib/shared/errors";
import { readLimitedText } from "../http/read-limited-body";

/** A next-auth `callbackUrl` it accepts: a path on this site, or an http(s) URL (as next-auth's own check reads it). */
function isHttpUrl(url: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * An `error` code as next-auth ("CredentialsSignin") and OAuth providers ("access_denied") send
 * it. next-auth copies it into a response header, which takes visible ASCII only.
 */
const ERROR_CODE = /^[\x21-\x7e]{1,200}$/;

/**
 * Refuses, with a 4xx, the malformed requests next-auth v4 would answer with a 500: a POST body
 * that is neither a form nor JSON or is not parseable, a `callbackUrl` that is not a URL (in the
 * query or the body) and an `error` that is not a word. Everything else goes to next-auth as it
 * is, including its own refusals (a missing CSRF token, wrong credentials).
 */
export async function authRequestRefusal(request: Request, limitBytes: number): Promise<AppError | null> {
  const url = new URL(request.url);
  const callbackUrls: unknown[] = url.searchParams.getAll("callbackUrl");
  const errors = url.searchParams.getAll("error");
  if (errors.some((error) => !ERROR_CODE.test(error))) return new AppError("VALIDATION", "error: Not an error code", { error: "Not an error code" });
  if (request.method === "POST") {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = await readLimitedText(request.clone(), limitBytes);
    if (type === "application/x-www-form-urlencoded") callbackUrls.push(...new URLSearchParams(text).getAll("callbackUrl"));
    else if (type === "application/json") {
      const body = parseJsonObject(text);
      if (!body) return new AppError("VALIDATION", "The request body must be a JSON object");
      if ("callbackUrl" in body) callbackUrls.push(body.callbackUrl);
    } else if (text.length > 0) return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send a form (application/x-www-form-urlencoded) or JSON");
  }
  if (callbackUrls.some((callbackUrl) => typeof callbackUrl !== "string" || !isHttpUrl(callbackUrl, url.origin))) {
    return new AppError("VALIDATION", "callbackUrl: Not a path or an http(s) URL", { callbackUrl: "Not a path or an http(s) URL" });
  }
  return null;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
