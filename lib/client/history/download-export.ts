import { errorOf, unreachable } from "../api-client";

/**
 * Fetches an export and hands it to the browser as a download, so that a refusal (the hourly
 * limit, a room deleted meanwhile) is said on the page: followed as a plain link, the error's
 * JSON became a failed download, or a file named like the export holding an error.
 */
export async function downloadExport(href: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(href);
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await errorOf(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileNameOf(response.headers.get("Content-Disposition")) ?? "";
    link.click();
  } finally {
    // After the click has handed the file over: revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** The file name a Content-Disposition gives: `filename*` (UTF-8, as written) first, else `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed encoding: the plain name below.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}
