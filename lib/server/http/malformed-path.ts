import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/shared/errors";

/**
 * A path with a broken percent-escape (`%zz`, or escaped bytes that are not UTF-8: `%ff`). Next
 * fails to decode it into a dynamic route's params (/rooms/[id], /api/rooms/[id]/messages) and
 * answers 500; it is the client's mistake, so it gets a 400 before Next sees it.
 */
export function malformedPathRefusal(req: IncomingMessage): AppError | null {
  const path = (req.url ?? "/").split("?", 1)[0]!;
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return new AppError("BAD_REQUEST", "This address is malformed: it has a broken %-escape.");
  }
}
