import { roomApiPath } from "@/lib/shared/paths";
import { apiFetch } from "@/lib/client/api-client";

/** The room actions of the home page, as requests to Duet's API; each throws the server's AppError. */
export const roomActionRequests = {
  rename: (roomId: string, name: string) => apiFetch(roomApiPath(roomId), { method: "PATCH", body: JSON.stringify({ name }) }),
  delete: (roomId: string) => apiFetch(roomApiPath(roomId), { method: "DELETE" }),
  removeGuest: (roomId: string, guestId: string) => apiFetch(roomApiPath(roomId, "guest"), { method: "DELETE", body: JSON.stringify({ guestId }) }),
  leave: (roomId: string) => apiFetch(roomApiPath(roomId, "membership"), { method: "DELETE" }),
};
