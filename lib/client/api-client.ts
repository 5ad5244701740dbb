import { AppError, type TAppErrorBody } from "@/lib/shared/errors";

/** Fetches Duet's JSON API; a non-2xx reply throws the server's AppError, a network failure an UNAVAILABLE one. */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init?.body ? { "Content-Type": "application/json" } : {}), ...init?.headers },
    });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json().catch(() => null)) as T;
}

/** A failed reply as the AppError it carries, or in words when it is not Duet's (withoutDuetBody). */
export async function errorOf(response: Response): Promise<AppError> {
  const body = (await response.json().catch(() => null)) as { error?: TAppErrorBody } | null;
  const error = body?.error;
  if (!error) return withoutDuetBody(response.status);
  return new AppError(error.code, error.message, error.fields, error.retryAfterMs);
}

/**
 * A reply that is not Duet's (a proxy's 502 while Duet restarts, its 413 for a body it would not
 * pass on): said in words, never as a bare status code.
 */
function withoutDuetBody(status: number): AppError {
  if (status === 413) return new AppError("PAYLOAD_TOO_LARGE", "That is too large to send.");
  if (status === 429) return new AppError("RATE_LIMITED", "Too many requests. Wait a moment and try again.");
  if (status >= 500) return new AppError("UNAVAILABLE", "Duet can't be reached right now (it may be restarting). Try again in a moment.");
  return new AppError("INTERNAL", "Something went wrong. Reload the page and try again.");
}

/** A request that got no answer at all. */
export function unreachable(): AppError {
  return new AppError("UNAVAILABLE", "Can't reach Duet. Check your connection and try again.");
}
