import { turnCredentialsPath } from "@/lib/shared/paths";
import type { TIceConfig } from "@/lib/shared/turn";
import { apiFetch } from "../api-client";

/** ICE servers for a call in this room; Duet hands TURN credentials only to the room's members. */
export function fetchIceConfig(roomId: string): Promise<TIceConfig> {
  return apiFetch<TIceConfig>(turnCredentialsPath(roomId), { cache: "no-store" });
}
