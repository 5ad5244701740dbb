import type { ReactNode } from "react";
import { requirePageUser } from "../../_lib/session-user";

/** Signed-out visitors go to sign-in (307) before the loading boundary below starts the response. */
export default async function HistoryListLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/history");
  return children;
}
