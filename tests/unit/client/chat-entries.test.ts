import { markUnsent, mergeMessages, type TChatEntry } from "@/lib/client/chat-entries";
import type { TChatMessage } from "@/lib/shared/message";

const ada = { id: "ada", name: "Ada" };
const message = (id: string, createdAt: string, clientId = `c-${id}`): TChatMessage => ({ id, roomId: "r", clientId, body: id, createdAt, author: ada });

describe("merging chat messages", () => {
  it("orders stored messages by server time, then id, and shows each once", () => {
    const merged = mergeMessages([], [message("b", "2026-01-01T00:00:01Z"), message("a", "2026-01-01T00:00:01Z"), message("c", "2026-01-01T00:00:00Z")]);
    const again = mergeMessages(merged, [message("a", "2026-01-01T00:00:01Z")]);
    expect(again.map((entry) => (entry.status === "sent" ? entry.id : ""))).toEqual(["c", "a", "b"]);
  });

  it("replaces a pending message with its stored copy and keeps unsent ones last", () => {
    const pending: TChatEntry[] = [
      { status: "pending", clientId: "c-x", body: "x", author: ada },
      { status: "failed", clientId: "c-y", body: "y", author: ada },
    ];
    const merged = mergeMessages(pending, [message("x", "2026-01-01T00:00:00Z")]);
    expect(merged.map((entry) => entry.status)).toEqual(["sent", "failed"]);
    expect(markUnsent(merged, "c-y", "pending").map((entry) => entry.status)).toEqual(["sent", "pending"]);
  });
});
