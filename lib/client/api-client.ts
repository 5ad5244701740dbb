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
    throw new AppError("UNAVAILABLE", "Can't reach Duet. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as { error?: TAppErrorBody } | null)?.error;
  throw new AppError(error?.code ?? "INTERNAL", error?.message ?? `Request failed (${response.status})`, error?.fields, error?.retryAfterMs);
}
