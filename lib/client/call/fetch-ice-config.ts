import type { TIceConfig } from "@/lib/shared/turn";
import { apiFetch } from "../api-client";

export function fetchIceConfig(): Promise<TIceConfig> {
  return apiFetch<TIceConfig>("/api/turn", { cache: "no-store" });
}
